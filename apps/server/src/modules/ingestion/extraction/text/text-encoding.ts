/** The encodings text files are read in: declared by a BOM, else UTF-8, else Windows-1252. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface ByteOrderMark {
  readonly encoding: TextEncodingName;
  readonly length: number;
}

/** The byte-order mark at the start of `head`, if any. */
export function byteOrderMark(head: Uint8Array): ByteOrderMark | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/**
 * Decodes a complete buffer the way text files are read: the BOM's encoding, else strict UTF-8,
 * else Windows-1252 (a superset of latin1's printable range, and what "latin1" files really are).
 */
export function decodeTextBuffer(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== "utf-8") {
    return {
      text: new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
    };
  }
  const body = bytes.subarray(bom?.length ?? 0);
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body),
      encoding: "utf-8",
    };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}
