import type { Extractor } from "../types.js";
import { htmlToSegmentedText } from "./html-to-text.js";
import { readTextFile } from "./read-text-file.js";
import { assertHasText, limitText, truncationWarning } from "./segmented-text.js";

/** HTML: visible text only, with the h1–h6 heading path on each section's segment. */
export const extractHtml: Extractor = async (path, limits) => {
  // Markup is longer than its text, so reading a little past the cap still yields a full cap of text.
  const file = await readTextFile(path, limits.maxTextChars * 4);
  const limited = limitText(htmlToSegmentedText(file.text), limits.maxTextChars);
  assertHasText(limited.text);
  return {
    format: "html",
    text: limited.text,
    segments: limited.segments,
    pageCount: 1,
    ocrPages: [],
    warnings: limited.truncated || file.truncated ? [truncationWarning(limits.maxTextChars)] : [],
  };
};
