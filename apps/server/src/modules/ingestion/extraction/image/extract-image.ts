/**
 * Image (PNG, JPEG, TIFF, GIF) → text by OCR. Tesseract decodes all four itself (its leptonica
 * build has libpng, libjpeg, libtiff and giflib), so the file goes to it as is; a multi-page TIFF
 * is read frame by frame, each frame a page. A GIF is read as its first frame.
 */
import { readFile } from "node:fs/promises";
import { OcrLanguageUnavailable } from "../ocr/ocr-languages.js";
import { lowOcrConfidence, OcrFailure, recognizeImage } from "../ocr/ocr-service.js";
import { describePages } from "../pdf/page-list.js";
import { PagedTextBuilder } from "../pdf/paged-text.js";
import { ExtractionFailure, type ExtractionLimits, type Extractor } from "../types.js";
import { detectImageFormat, type ImageFormat } from "./image-format.js";
import { readTiffLayout, tiffWithFirstFrame } from "./tiff-frames.js";

export const extractImage: Extractor = async (path, limits) => {
  const bytes = await readFile(path);
  if (bytes.length === 0) throw new ExtractionFailure("empty", "The file is empty.");
  const format = detectImageFormat(bytes);
  if (format === undefined) {
    throw new ExtractionFailure("unsupported", "The file is not a PNG, JPEG, TIFF or GIF image.");
  }
  if (!limits.ocr.enabled) {
    throw new ExtractionFailure(
      "unsupported",
      "Text in images can only be read by OCR, and OCR is turned off on this server.",
    );
  }

  const { frames, warnings } = framesOf(bytes, format, limits);
  const builder = new PagedTextBuilder(limits.maxTextChars);
  const unreadable: number[] = [];
  const lowConfidence: number[] = [];
  const multiPage = frames.length > 1;
  for (let index = 0; index < frames.length && builder.accepting; index++) {
    const page = index + 1;
    try {
      const ocr = await recognizeImage(frames[index]?.() ?? bytes, { languages: limits.ocr.languages });
      builder.add({ ...(multiPage ? { page } : {}), text: ocr.text, ocr: true });
      if (ocr.confidence < lowOcrConfidence && ocr.text.trim() !== "") lowConfidence.push(page);
    } catch (error) {
      if (error instanceof OcrLanguageUnavailable)
        throw new ExtractionFailure("unsupported", `${error.message}.`);
      if (!(error instanceof OcrFailure)) throw error;
      unreadable.push(page);
    }
  }

  if (unreadable.length === frames.length) {
    throw new ExtractionFailure("corrupt", `The ${format.toUpperCase()} image could not be decoded.`);
  }
  const { text, segments, ocrPages, truncated } = builder.result();
  if (text === "") throw new ExtractionFailure("empty", "No text was found in the image.");

  if (unreadable.length > 0) warnings.push(`Page(s) ${describePages(unreadable)} could not be decoded.`);
  if (lowConfidence.length > 0) {
    const where = multiPage ? ` on page(s) ${describePages(lowConfidence)}` : "";
    warnings.push(`OCR confidence was low${where}; the text may contain errors.`);
  }
  if (truncated) warnings.push(`The text was cut at ${limits.maxTextChars} characters.`);
  return { format, text, segments, pageCount: frames.length, ocrPages, warnings };
};

/** One thunk per page, so a multi-page TIFF holds one frame copy at a time. */
function framesOf(
  bytes: Uint8Array,
  format: ImageFormat,
  limits: ExtractionLimits,
): { frames: Array<() => Uint8Array>; warnings: string[] } {
  switch (format) {
    case "png":
    case "jpeg":
    case "gif":
      return { frames: [() => bytes], warnings: [] };
    case "tiff": {
      const layout = readTiffLayout(bytes, limits.maxPages + 1);
      if (layout.bigTiff) {
        return { frames: [() => bytes], warnings: ["Only the first page of this BigTIFF file was read."] };
      }
      if (layout.frameOffsets.length > limits.maxPages) {
        throw new ExtractionFailure("too_large", `The TIFF has more than ${limits.maxPages} pages.`);
      }
      if (layout.frameOffsets.length === 0)
        throw new ExtractionFailure("corrupt", "The TIFF image has no readable page.");
      return {
        frames: layout.frameOffsets.map((offset, index) =>
          index === 0 ? () => bytes : () => tiffWithFirstFrame(bytes, offset),
        ),
        warnings: [],
      };
    }
  }
}
