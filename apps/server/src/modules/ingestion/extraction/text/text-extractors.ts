import type { DocumentFormat, Extractor } from "../types.js";
import { extractCsv } from "./extract-csv.js";
import { extractHtml } from "./extract-html.js";
import { extractMarkdown } from "./extract-markdown.js";
import { extractPlainText } from "./extract-plain.js";

/** The extractors for text formats, by detected format. */
export const textExtractors: Readonly<Partial<Record<DocumentFormat, Extractor>>> = {
  text: extractPlainText,
  markdown: extractMarkdown,
  html: extractHtml,
  csv: extractCsv,
};

/** The text-format extractor for `format`, or `null` when it is not a text format. */
export function textExtractorFor(format: DocumentFormat): Extractor | null {
  return textExtractors[format] ?? null;
}
