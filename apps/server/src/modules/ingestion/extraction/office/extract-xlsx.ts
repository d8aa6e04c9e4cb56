import ExcelJS from "exceljs";
import { assertHasText, limitText, truncationWarning } from "../text/segmented-text.js";
import {
  kindOfValue,
  MAX_ROWS_PER_SHEET,
  TabularTextBuilder,
  type TabularValue,
} from "../text/tabular-text.js";
import { ExtractionFailure, type ExtractionLimits, type Extractor } from "../types.js";
import { openSafeZip } from "../zip/safe-zip.js";
import { assertZipIsSafe } from "../zip/zip-safety.js";
import { forEachElement, parseRelationships, relationshipsPathOf } from "./ooxml-parts.js";
import { tabularValueOf } from "./xlsx-cell-value.js";

const WORKBOOK = "xl/workbook.xml";
const WORKSHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/i;
/** The worksheet parts ExcelJS's stream reader emits as sheets (it matches their names exactly). */
const STREAMED_WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** The workbook's sheet names by worksheet part number, and how many worksheet parts it holds. */
interface WorkbookParts {
  readonly names: Map<string, string>;
  readonly worksheetCount: number;
}

/**
 * Sheet names by worksheet part number (`sheet3.xml` → "Budget"), read from the workbook part.
 * ExcelJS's stream reader only names a sheet when it happened to read the workbook part first
 * and the relationship target has the exact relative form; otherwise it says "Sheet<n>".
 */
async function workbookParts(path: string, limits: ExtractionLimits): Promise<WorkbookParts> {
  const zip = await openSafeZip(path, limits);
  const worksheetCount = zip.names.filter((name) => STREAMED_WORKSHEET_PART.test(name)).length;
  const workbook = await zip.readText(WORKBOOK);
  const names = new Map<string, string>();
  if (!workbook) return { names, worksheetCount };
  const relationships = parseRelationships(WORKBOOK, await zip.readText(relationshipsPathOf(WORKBOOK)));
  forEachElement(workbook, (name, attributes) => {
    const id = attributes["r:id"];
    if (name !== "sheet" || !id || attributes.name === undefined) return;
    const number = WORKSHEET_PART.exec(relationships.get(id)?.part ?? "")?.[1];
    if (number !== undefined) names.set(number, attributes.name);
  });
  return { names, worksheetCount };
}

function nameOf(worksheet: object, names: Map<string, string>): string {
  // WorksheetReader has `id` and `name` at run time, though its type declarations omit them.
  const name: unknown = Reflect.get(worksheet, "name");
  const id: unknown = Reflect.get(worksheet, "id");
  const known = new Set(names.values());
  if (typeof name === "string" && known.has(name)) return name;
  return names.get(String(id)) ?? (typeof name === "string" ? name : `Sheet${String(id)}`);
}

export interface XlsxExtractorOptions {
  /** Rows written as text per sheet (all rows still count in `schemaInfo`). */
  readonly maxRowsPerSheet?: number;
}

/**
 * XLSX, streamed with ExcelJS's WorkbookReader (rows are never all in memory): per sheet, the
 * first row is the header and each data row one "Header: value; …" line, a segment with `sheet`
 * and `row`; `schemaInfo` has each sheet's columns, inferred types and row count.
 */
export function createXlsxExtractor(options: XlsxExtractorOptions = {}): Extractor {
  const maxRows = options.maxRowsPerSheet ?? MAX_ROWS_PER_SHEET;
  return async (path, limits) => {
    await assertZipIsSafe(path, limits);
    const parts = await workbookParts(path, limits);
    const { table, sheetCount } = await readWorkbook(path, parts, maxRows);
    const limited = limitText(table, limits.maxTextChars);
    assertHasText(limited.text);
    return {
      format: "xlsx",
      text: limited.text,
      segments: limited.segments,
      pageCount: sheetCount,
      ocrPages: [],
      schemaInfo: table.schemaInfo,
      warnings: limited.truncated
        ? [...table.warnings, truncationWarning(limits.maxTextChars)]
        : table.warnings,
    };
  };
}

/**
 * Reads made of one workbook before it counts as unreadable. ExcelJS's stream reader sometimes
 * loses the archive's last entry (exceljs#3064, a race in its single streaming pass over the zip):
 * a workbook part stored last never arrives and the sheets fail with "Cannot read properties of
 * undefined (reading 'sheets')"; a sheet stored last could go missing the same way. The race is
 * intermittent, so a read that fails, or that yields fewer sheets than the archive holds, is made
 * again; a really corrupt workbook fails every time.
 */
const readAttempts = 3;

async function readWorkbook(path: string, parts: WorkbookParts, maxRows: number) {
  let detail = "";
  for (let attempt = 1; attempt <= readAttempts; attempt++) {
    try {
      const read = await streamWorkbook(path, parts.names, maxRows);
      if (read.sheetCount >= parts.worksheetCount) return read;
      detail = `${read.sheetCount} of its ${parts.worksheetCount} sheets could be read`;
    } catch (error) {
      if (error instanceof ExtractionFailure) throw error;
      detail = error instanceof Error ? error.message : String(error);
    }
  }
  throw new ExtractionFailure("corrupt", `The spreadsheet could not be read (${detail})`);
}

async function streamWorkbook(path: string, names: Map<string, string>, maxRows: number) {
  const builder = new TabularTextBuilder(kindOfValue, maxRows);
  let sheetCount = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  for await (const worksheet of reader) {
    sheetCount++;
    const name = nameOf(worksheet, names);
    builder.beginSheet(name, name);
    for await (const row of worksheet) {
      const sparse: TabularValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        sparse[column - 1] = tabularValueOf(cell.value);
      });
      builder.addRow(
        row.number,
        Array.from({ length: sparse.length }, (_, i) => sparse[i] ?? null),
      );
    }
  }
  return { table: builder.finish(), sheetCount };
}

export const extractXlsx: Extractor = createXlsxExtractor();
