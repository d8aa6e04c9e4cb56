import { assertHasText, limitText, truncationWarning } from "../text/segmented-text.js";
import { ExtractionFailure, type Extractor } from "../types.js";
import { openSafeZip } from "../zip/safe-zip.js";
import { odtContentToText } from "./odt-content-to-text.js";

/** ODT: `content.xml` from the checked container, with heading paths from `text:h` outline levels. */
export const extractOdt: Extractor = async (path, limits) => {
  const zip = await openSafeZip(path, limits);
  const content = await zip.readText("content.xml");
  if (content === null) throw new ExtractionFailure("corrupt", "The OpenDocument file has no content.xml");
  const limited = limitText(odtContentToText(content), limits.maxTextChars);
  assertHasText(limited.text);
  return {
    format: "odt",
    text: limited.text,
    segments: limited.segments,
    pageCount: 1,
    ocrPages: [],
    warnings: limited.truncated ? [truncationWarning(limits.maxTextChars)] : [],
  };
};
