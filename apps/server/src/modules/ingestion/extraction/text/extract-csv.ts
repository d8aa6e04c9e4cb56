import type { Extractor } from "../types.js";
import { papa } from "./papaparse.js";
import { readTextFile } from "./read-text-file.js";
import { assertHasText, limitText, truncationWarning } from "./segmented-text.js";
import { kindOfText, MAX_ROWS_PER_SHEET, TabularTextBuilder } from "./tabular-text.js";

/** The one "sheet" of a CSV file in `schemaInfo`. */
export const CSV_SHEET_NAME = "csv";

export interface CsvExtractorOptions {
  readonly maxRows?: number;
}

/**
 * CSV (any delimiter papaparse can guess, quoted line breaks, BOM): header row, then one
 * "Header: value; …" line per record with its 1-based row number (the header is row 1), and
 * column types in `schemaInfo`.
 */
export function createCsvExtractor(options: CsvExtractorOptions = {}): Extractor {
  return async (path, limits) => {
    const file = await readTextFile(path, limits.maxTextChars);
    assertHasText(file.text);
    const parsed = papa.parse(file.text, { delimiter: "", header: false, skipEmptyLines: false });
    const builder = new TabularTextBuilder(
      (value) => kindOfText(typeof value === "string" ? value : String(value ?? "")),
      options.maxRows ?? MAX_ROWS_PER_SHEET,
    );
    builder.beginSheet(CSV_SHEET_NAME, undefined);
    parsed.data.forEach((record, index) => {
      builder.addRow(index + 1, record);
    });
    const table = builder.finish();
    const limited = limitText(table, limits.maxTextChars);
    assertHasText(limited.text);
    const warnings = [...table.warnings];
    const quoteError = parsed.errors.find((error) => error.type === "Quotes");
    if (quoteError)
      warnings.push(
        `The CSV has a quoting problem near row ${(quoteError.row ?? 0) + 1}: ${quoteError.message}`,
      );
    if (file.truncated || limited.truncated) warnings.push(truncationWarning(limits.maxTextChars));
    return {
      format: "csv",
      text: limited.text,
      segments: limited.segments,
      pageCount: 1,
      ocrPages: [],
      schemaInfo: table.schemaInfo,
      warnings,
    };
  };
}

export const extractCsv: Extractor = createCsvExtractor();
