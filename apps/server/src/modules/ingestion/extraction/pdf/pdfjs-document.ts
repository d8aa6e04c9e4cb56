/**
 * Opens a PDF with pdfjs for server-side use: no eval, no font-face injection, no system fonts,
 * and every auxiliary file (standard fonts, CMaps, image-decoder wasm) read from the installed
 * pdfjs-dist package, never fetched. Maps pdfjs's load errors to extraction failures.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ExtractionFailure } from "../types.js";

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
// pdfjs joins these with file names, so they need their trailing separator.
const standardFontDataUrl = path.join(pdfjsDir, "standard_fonts") + path.sep;
const cMapUrl = path.join(pdfjsDir, "cmaps") + path.sep;
const wasmUrl = path.join(pdfjsDir, "wasm") + path.sep;

/** `data` is handed to pdfjs, which may take ownership of (detach) its buffer. */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const task = getDocument({
    data,
    standardFontDataUrl,
    cMapUrl,
    cMapPacked: true,
    wasmUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw toExtractionFailure(error);
  }
}

function toExtractionFailure(error: unknown): ExtractionFailure {
  const name = error instanceof Error ? error.name : "";
  const detail = error instanceof Error ? error.message : String(error);
  // pdfjs does not export its exception classes; their names are stable API.
  switch (name) {
    case "PasswordException":
      return new ExtractionFailure(
        "encrypted",
        "The PDF is password-protected; remove the password and upload it again.",
      );
    case "InvalidPDFException":
      return new ExtractionFailure("corrupt", `The file is not a readable PDF (${detail}).`);
    default:
      return new ExtractionFailure("corrupt", `The PDF could not be opened (${detail}).`);
  }
}
