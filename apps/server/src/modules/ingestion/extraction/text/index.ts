export { CSV_SHEET_NAME, type CsvExtractorOptions, createCsvExtractor, extractCsv } from "./extract-csv.js";
export { extractHtml } from "./extract-html.js";
export { extractMarkdown, markdownSections } from "./extract-markdown.js";
export { extractPlainText } from "./extract-plain.js";
export { htmlToSegmentedText } from "./html-to-text.js";
export { readTextFile, type TextFile } from "./read-text-file.js";
export { segmentProblems } from "./segment-problems.js";
export {
  assertHasText,
  EMPTY_DOCUMENT_MESSAGE,
  limitText,
  type SegmentedText,
  truncationWarning,
} from "./segmented-text.js";
export { SegmentedTextBuilder } from "./segmented-text-builder.js";
export {
  formatValue,
  kindOfText,
  kindOfValue,
  MAX_ROWS_PER_SHEET,
  TabularTextBuilder,
  type TabularValue,
  type ValueKind,
} from "./tabular-text.js";
export { byteOrderMark, decodeTextBuffer, type TextEncodingName } from "./text-encoding.js";
export { textExtractorFor, textExtractors } from "./text-extractors.js";
