import { readFile } from "node:fs/promises";
import { assertHasText, limitText, truncationWarning } from "../text/segmented-text.js";
import { ExtractionFailure, type Extractor } from "../types.js";
import { RtfSyntaxError, rtfToText } from "./rtf-to-text.js";

/** RTF: our own reader (groups, control words, code pages, `\uN`), one segment. */
export const extractRtf: Extractor = async (path, limits) => {
  // latin1 maps each byte to one character, so `\'hh` and raw 8-bit bytes can be decoded later with the right code page.
  const source = await readFile(path, "latin1");
  let converted: ReturnType<typeof rtfToText>;
  try {
    converted = rtfToText(source);
  } catch (error) {
    if (!(error instanceof RtfSyntaxError)) throw error;
    throw new ExtractionFailure("corrupt", `The RTF document could not be read (${error.message})`);
  }
  const limited = limitText(
    { text: converted.text, segments: [{ start: 0, end: converted.text.length }] },
    limits.maxTextChars,
  );
  assertHasText(limited.text);
  return {
    format: "rtf",
    text: limited.text,
    segments: limited.segments,
    pageCount: 1,
    ocrPages: [],
    warnings: limited.truncated
      ? [...converted.warnings, truncationWarning(limits.maxTextChars)]
      : converted.warnings,
  };
};
