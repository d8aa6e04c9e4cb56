/**
 * PDF → text: each page's text layer, or OCR of the rendered page when it has (almost) none.
 *
 * Memory: pdfjs needs the whole file in memory, so the file is read once; pages are then read
 * one at a time and released (`page.cleanup()`), at most one rendered page image exists at a
 * time, and `limits.maxPages` refuses documents before any page is read.
 */
import { readFile } from "node:fs/promises";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist";
import { OcrLanguageUnavailable } from "../ocr/ocr-languages.js";
import { lowOcrConfidence, recognizeImage } from "../ocr/ocr-service.js";
import { ExtractionFailure, type ExtractionLimits, type ExtractionResult, type Extractor } from "../types.js";
import { describePages } from "./page-list.js";
import { PagedTextBuilder } from "./paged-text.js";
import { openPdf } from "./pdfjs-document.js";
import { renderPageToPng } from "./render-page.js";
import { countNonSpace, isPositionedText, textFromItems } from "./text-layer.js";

/** A page with fewer non-space characters than this in its text layer is treated as a scan. */
export const minTextLayerChars = 10;

export const extractPdf: Extractor = async (path, limits) => {
  const file = await readFile(path);
  if (file.length === 0) throw new ExtractionFailure("empty", "The file is empty.");
  const pdf = await openPdf(new Uint8Array(file.buffer, file.byteOffset, file.byteLength));
  try {
    return await readDocument(pdf, limits);
  } finally {
    await pdf.destroy();
  }
};

/** What happened to pages that gave no text, for one warning per kind instead of one per page. */
interface PageProblems {
  readonly unreadable: number[];
  readonly scansWithOcrOff: number[];
  readonly ocrFailed: number[];
  readonly lowConfidence: number[];
  ocrUnavailable?: string;
}

async function readDocument(pdf: PDFDocumentProxy, limits: ExtractionLimits): Promise<ExtractionResult> {
  const pageCount = pdf.numPages;
  if (pageCount === 0) throw new ExtractionFailure("empty", "The PDF has no pages.");
  if (pageCount > limits.maxPages) {
    throw new ExtractionFailure(
      "too_large",
      `The PDF has ${pageCount} pages, more than the limit of ${limits.maxPages}.`,
    );
  }

  const builder = new PagedTextBuilder(limits.maxTextChars);
  const problems: PageProblems = { unreadable: [], scansWithOcrOff: [], ocrFailed: [], lowConfidence: [] };
  for (let number = 1; number <= pageCount && builder.accepting; number++) {
    let page: PDFPageProxy | undefined;
    try {
      page = await pdf.getPage(number);
      await readPage(pdf, page, number, limits, builder, problems);
    } catch {
      // One broken page (bad content stream, missing object) should not lose the others.
      problems.unreadable.push(number);
    } finally {
      page?.cleanup();
    }
  }

  const { text, segments, ocrPages, truncated } = builder.result();
  if (text === "") throw noTextFailure(pageCount, limits, problems);
  return {
    format: "pdf",
    text,
    segments,
    pageCount,
    ocrPages,
    warnings: warningsFor(problems, truncated, limits),
  };
}

async function readPage(
  pdf: PDFDocumentProxy,
  page: PDFPageProxy,
  number: number,
  limits: ExtractionLimits,
  builder: PagedTextBuilder,
  problems: PageProblems,
): Promise<void> {
  const content = await page.getTextContent();
  const layer = textFromItems(content.items.filter(isPositionedText));
  const layerChars = countNonSpace(layer);
  if (layerChars >= minTextLayerChars) {
    builder.add({ page: number, text: layer, ocr: false });
    return;
  }
  if (!limits.ocr.enabled || problems.ocrUnavailable !== undefined) {
    builder.add({ page: number, text: layer, ocr: false });
    if (!limits.ocr.enabled) problems.scansWithOcrOff.push(number);
    else problems.ocrFailed.push(number);
    return;
  }

  try {
    const { png, dpi, blank } = await renderPageToPng(pdf, page);
    if (blank) {
      builder.add({ page: number, text: layer, ocr: false });
      return;
    }
    const ocr = await recognizeImage(png, { languages: limits.ocr.languages, dpi });
    // Keep the text layer when OCR found no more than it (e.g. a blank page with a page number).
    if (countNonSpace(ocr.text) > layerChars) {
      builder.add({ page: number, text: ocr.text, ocr: true });
      if (ocr.confidence < lowOcrConfidence) problems.lowConfidence.push(number);
    } else {
      builder.add({ page: number, text: layer, ocr: false });
    }
  } catch (error) {
    if (error instanceof OcrLanguageUnavailable) problems.ocrUnavailable = error.message;
    problems.ocrFailed.push(number);
    builder.add({ page: number, text: layer, ocr: false });
  }
}

function noTextFailure(
  pageCount: number,
  limits: ExtractionLimits,
  problems: PageProblems,
): ExtractionFailure {
  if (problems.unreadable.length === pageCount) {
    return new ExtractionFailure("corrupt", "None of the PDF's pages could be read.");
  }
  if (!limits.ocr.enabled && problems.scansWithOcrOff.length > 0) {
    return new ExtractionFailure(
      "empty",
      "The PDF has no text layer (its pages look like scanned images) and OCR is turned off.",
    );
  }
  if (problems.ocrUnavailable !== undefined) {
    return new ExtractionFailure(
      "empty",
      `The PDF has no text layer and OCR failed: ${problems.ocrUnavailable}.`,
    );
  }
  if (problems.ocrFailed.length > 0) {
    return new ExtractionFailure("empty", "The PDF has no text layer and OCR could not read its pages.");
  }
  return new ExtractionFailure("empty", "No text was found in the PDF, not even by OCR.");
}

function warningsFor(problems: PageProblems, truncated: boolean, limits: ExtractionLimits): string[] {
  const warnings: string[] = [];
  if (problems.unreadable.length > 0) {
    warnings.push(`Page(s) ${describePages(problems.unreadable)} could not be read and were skipped.`);
  }
  if (problems.scansWithOcrOff.length > 0) {
    warnings.push(
      `Page(s) ${describePages(problems.scansWithOcrOff)} have no text layer and were skipped because OCR is turned off.`,
    );
  }
  if (problems.ocrFailed.length > 0) {
    const why = problems.ocrUnavailable === undefined ? "" : ` (${problems.ocrUnavailable})`;
    warnings.push(`OCR could not read page(s) ${describePages(problems.ocrFailed)}${why}.`);
  }
  if (problems.lowConfidence.length > 0) {
    warnings.push(
      `OCR confidence was low on page(s) ${describePages(problems.lowConfidence)}; their text may contain errors.`,
    );
  }
  if (truncated) warnings.push(`The text was cut at ${limits.maxTextChars} characters.`);
  return warnings;
}
