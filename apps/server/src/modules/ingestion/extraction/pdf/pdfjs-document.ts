/**
 * Opens a PDF with pdfjs for server-side use: no eval, no font-face injection, no system fonts,
 * and every auxiliary file (standard fonts, CMaps, image-decoder wasm) read from the installed
 * pdfjs-dist package, never fetched. Maps pdfjs's load errors to extraction failures.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { ExtractionFailure } from "../types.js";
import { restoreNativeBuiltins } from "./native-builtins.js";

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
// pdfjs joins these with file names, so they need their trailing separator.
const standardFontDataUrl = path.join(pdfjsDir, "standard_fonts") + path.sep;
const cMapUrl = path.join(pdfjsDir, "cmaps") + path.sep;
const wasmUrl = path.join(pdfjsDir, "wasm") + path.sep;

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<Pdfjs> | undefined;

/**
 * pdfjs, loaded on first use rather than imported: its legacy build replaces some of the thread's
 * built-ins as it loads, and `native-builtins.js` must see them first to put them back.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs").finally(restoreNativeBuiltins);
  return pdfjs;
}

/** `data` is handed to pdfjs, which may take ownership of (detach) its buffer. */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument, VerbosityLevel } = await loadPdfjs();
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
  } finally {
    // The first document also loads pdfjs's in-thread worker, which brings its own copy of them.
    restoreNativeBuiltins();
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
