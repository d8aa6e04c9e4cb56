import type { DocumentFormat, Extractor } from "../types.js";
import { extractDocx } from "./extract-docx.js";
import { extractOdt } from "./extract-odt.js";
import { extractPptx } from "./extract-pptx.js";
import { extractRtf } from "./extract-rtf.js";
import { extractXlsx } from "./extract-xlsx.js";

/** The extractors for office formats, by detected format. */
export const officeExtractors: Readonly<Partial<Record<DocumentFormat, Extractor>>> = {
  docx: extractDocx,
  pptx: extractPptx,
  xlsx: extractXlsx,
  odt: extractOdt,
  rtf: extractRtf,
};

/** The office-format extractor for `format`, or `null` when it is not an office format. */
export function officeExtractorFor(format: DocumentFormat): Extractor | null {
  return officeExtractors[format] ?? null;
}
