import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { byteOrderMark, type TextEncodingName } from "./text-encoding.js";

export interface TextFile {
  /** Decoded text with every CRLF and lone CR turned into LF. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** True when the text was cut at `maxChars`. */
  readonly truncated: boolean;
}

const READ_CHUNK_BYTES = 1024 * 1024;

class InvalidUtf8 extends Error {}

async function readBomOf(path: string): Promise<ReturnType<typeof byteOrderMark>> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(3);
    const { bytesRead } = await handle.read(head, 0, 3, 0);
    return byteOrderMark(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Cuts before a lone high surrogate so the text stays well-formed. */
function cutAt(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const code = text.charCodeAt(maxChars - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars);
}

async function decodeStream(
  path: string,
  start: number,
  encoding: TextEncodingName,
  maxChars: number,
): Promise<{ text: string; truncated: boolean }> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8", ignoreBOM: true });
  const parts: string[] = [];
  let length = 0;
  let carriageReturnPending = false;
  const push = (decoded: string): void => {
    let piece = carriageReturnPending ? `\r${decoded}` : decoded;
    // A CR at the end of a chunk may be the first half of a CRLF split across chunks.
    carriageReturnPending = piece.endsWith("\r");
    if (carriageReturnPending) piece = piece.slice(0, -1);
    piece = piece.replace(/\r\n?/g, "\n");
    parts.push(piece);
    length += piece.length;
  };
  const stream = createReadStream(path, { start, highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      try {
        push(decoder.decode(chunk as Buffer, { stream: true }));
      } catch {
        throw new InvalidUtf8();
      }
      // Stop reading once past the cap: memory stays a small multiple of `maxChars`, not of the file.
      if (length > maxChars) break;
    }
    if (length <= maxChars) {
      try {
        push(decoder.decode());
      } catch {
        throw new InvalidUtf8();
      }
      if (carriageReturnPending) push("\n");
    }
  } finally {
    stream.destroy();
  }
  const text = parts.join("");
  return { text: cutAt(text, maxChars), truncated: text.length > maxChars };
}

/**
 * Reads a text file chunk by chunk: the BOM's encoding, else UTF-8, else (on the first invalid
 * byte sequence) a second pass as Windows-1252. Line ends are normalised to LF, and reading stops
 * at `maxChars` characters.
 */
export async function readTextFile(path: string, maxChars: number): Promise<TextFile> {
  const bom = await readBomOf(path);
  const start = bom?.length ?? 0;
  if (bom && bom.encoding !== "utf-8") {
    return { ...(await decodeStream(path, start, bom.encoding, maxChars)), encoding: bom.encoding };
  }
  try {
    return { ...(await decodeStream(path, start, "utf-8", maxChars)), encoding: "utf-8" };
  } catch (error) {
    if (!(error instanceof InvalidUtf8)) throw error;
    return { ...(await decodeStream(path, start, "windows-1252", maxChars)), encoding: "windows-1252" };
  }
}
