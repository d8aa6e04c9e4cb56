import { byteOrderMark, type TextEncodingName } from "../text/text-encoding.js";

/** How much of a file's head is looked at to decide whether it is text. */
export const TEXT_SNIFF_BYTES = 64 * 1024;

/** Above this share of C0 control characters (other than whitespace and ESC), it is not text. */
const MAX_CONTROL_CHARACTER_RATIO = 0.01;

/** Bytes that Windows-1252 leaves undefined: text in that encoding never has them. */
const UNDEFINED_IN_CP1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export interface SniffedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

function controlCharacterRatio(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isWhitespace = code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d;
    if ((code < 0x20 && !isWhitespace && code !== 0x1b) || code === 0x7f) controls++;
  }
  return controls / text.length;
}

function acceptable(text: string, encoding: TextEncodingName): SniffedText | null {
  if (text.includes("\u0000")) return null;
  return controlCharacterRatio(text) > MAX_CONTROL_CHARACTER_RATIO ? null : { text, encoding };
}

/**
 * Decides from a file's first bytes whether it is text, and decodes them. `complete` says the
 * head is the whole file (otherwise a multi-byte character cut at the end is forgiven).
 * Text means: UTF-16 with a BOM, or valid UTF-8, or (for older files) Windows-1252 without
 * undefined bytes; in every case no NUL and almost no control characters. Binary formats fail
 * this almost at once: compressed or structured data is full of NULs and control bytes.
 */
export function sniffText(head: Uint8Array, complete: boolean): SniffedText | null {
  const bom = byteOrderMark(head);
  if (bom && bom.encoding !== "utf-8") {
    const decoder = new TextDecoder(bom.encoding, { ignoreBOM: true });
    return acceptable(decoder.decode(head.subarray(bom.length), { stream: !complete }), bom.encoding);
  }
  const body = head.subarray(bom?.length ?? 0);
  if (body.includes(0)) return null;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body, {
      stream: !complete,
    });
    return acceptable(text, "utf-8");
  } catch {
    if (body.some((byte) => UNDEFINED_IN_CP1252.has(byte))) return null;
    return acceptable(new TextDecoder("windows-1252").decode(body), "windows-1252");
  }
}
