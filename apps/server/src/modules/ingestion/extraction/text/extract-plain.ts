import type { Extractor } from "../types.js";
import { readTextFile } from "./read-text-file.js";
import { assertHasText, assertLinesWithin, truncationWarning } from "./segmented-text.js";

/**
 * Plain text: decoded by BOM / UTF-8 / Windows-1252, line ends normalised, one segment. Read in
 * chunks and cut at `maxTextChars`, so a huge file costs a small multiple of the cap in memory.
 */
export const extractPlainText: Extractor = async (path, limits) => {
  const file = await readTextFile(path, limits.maxTextChars);
  assertHasText(file.text);
  assertLinesWithin(file.text, limits.maxLineChars);
  return {
    format: "text",
    text: file.text,
    segments: [{ start: 0, end: file.text.length }],
    pageCount: 1,
    ocrPages: [],
    warnings: file.truncated ? [truncationWarning(limits.maxTextChars)] : [],
  };
};
