import mammoth from "mammoth";
import { htmlToSegmentedText } from "../text/html-to-text.js";
import { assertHasText, limitText, truncationWarning } from "../text/segmented-text.js";
import { ExtractionFailure, type Extractor } from "../types.js";
import { assertZipIsSafe } from "../zip/zip-safety.js";

// Images would come back as base64 data URIs, megabytes of text we would only throw away.
const dropImages = mammoth.images.imgElement(async () => ({ src: "" }));

/**
 * DOCX: the container is checked first (mammoth inflates whole parts in memory), then mammoth
 * turns Word's heading styles into h1–h6, and the HTML walk builds the text with heading paths,
 * tables as tab-separated rows and lists as "- " lines.
 */
export const extractDocx: Extractor = async (path, limits) => {
  await assertZipIsSafe(path, limits);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ path }, { convertImage: dropImages, ignoreEmptyParagraphs: true }))
      .value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExtractionFailure("corrupt", `The Word document could not be read (${detail})`);
  }
  const limited = limitText(htmlToSegmentedText(html), limits.maxTextChars);
  assertHasText(limited.text);
  return {
    format: "docx",
    text: limited.text,
    segments: limited.segments,
    pageCount: 1,
    ocrPages: [],
    warnings: limited.truncated ? [truncationWarning(limits.maxTextChars)] : [],
  };
};
