import type { ColumnInfo, SchemaInfo, TextSegment } from "../types.js";

/** A cell as the tabular extractors see it, whatever the source format. */
export type TabularValue = string | number | boolean | Date | null;
export type ValueKind = Exclude<ColumnInfo["type"], "empty">;

/**
 * Rows of text kept per sheet. Beyond it the rows are still counted and typed for `schemaInfo`,
 * but not written out: 100k "Header: value" lines is already ~10 MB of text to embed.
 */
export const MAX_ROWS_PER_SHEET = 100_000;

const INTEGER = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASH_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

/** What a text cell (CSV) looks like it holds; `null` for an empty one. */
export function kindOfText(raw: string): ValueKind | null {
  const value = raw.trim();
  if (value === "") return null;
  if (BOOLEAN.test(value)) return "boolean";
  if (INTEGER.test(value)) return "integer";
  if (NUMBER.test(value)) return "number";
  if ((ISO_DATE.test(value) || SLASH_DATE.test(value)) && !Number.isNaN(Date.parse(value))) return "date";
  return "string";
}

/** The kind of a typed cell (XLSX): a string stays a string, whatever it spells. */
export function kindOfValue(value: TabularValue): ValueKind | null {
  if (value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return "date";
}

/** Dates as ISO 8601 (just the day when there is no time of day), everything on one line. */
export function formatValue(value: TabularValue): string {
  if (value === null) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
  }
  return String(value)
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
}

function mergeKinds(kinds: ReadonlySet<ValueKind>): ColumnInfo["type"] {
  if (kinds.size === 0) return "empty";
  if (kinds.size === 1) return [...kinds][0] ?? "string";
  if (kinds.size === 2 && kinds.has("integer") && kinds.has("number")) return "number";
  return "string";
}

interface SheetState {
  readonly name: string;
  readonly segmentSheet: string | undefined;
  headers: string[] | null;
  headerRow: number;
  readonly kinds: Set<ValueKind>[];
  readonly nonEmpty: number[];
  dataRows: number;
}

/**
 * Writes spreadsheet-like rows as text for retrieval. The first non-empty row of a sheet is its
 * header; every data row becomes one line "Header: value; Header: value" (empty cells left out).
 * That is longer than tab-separated values, but each line stands on its own: a chunk holding
 * row 4,812 still says what its numbers mean, which is what an embedding and a reader need.
 * Each line is a segment with its sheet and 1-based row number; column types are inferred.
 */
export class TabularTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly segments: TextSegment[] = [];
  private readonly sheets: SchemaInfo["sheets"][number][] = [];
  private readonly warnings: string[] = [];
  private sheet: SheetState | null = null;
  /** The next line starts a new sheet: separate it by a blank line. */
  private sheetBreakPending = false;

  constructor(
    private readonly kindOf: (value: TabularValue) => ValueKind | null,
    private readonly maxRowsPerSheet = MAX_ROWS_PER_SHEET,
  ) {}

  /** `segmentSheet` goes on segments (XLSX sheet name; none for CSV); `name` into `schemaInfo`. */
  beginSheet(name: string, segmentSheet: string | undefined): void {
    this.endSheet();
    this.sheet = { name, segmentSheet, headers: null, headerRow: 0, kinds: [], nonEmpty: [], dataRows: 0 };
  }

  addRow(rowNumber: number, values: readonly TabularValue[]): void {
    const sheet = this.sheet;
    if (!sheet) throw new Error("addRow before beginSheet");
    const texts = values.map(formatValue);
    if (texts.every((text) => text === "")) return;
    if (!sheet.headers) {
      sheet.headers = uniqueHeaders(texts);
      sheet.headerRow = rowNumber;
      return;
    }
    const headers = sheet.headers;
    while (headers.length < values.length) headers.push(`Column ${headers.length + 1}`);
    values.forEach((value, column) => {
      const kind = this.kindOf(value);
      if (kind === null) return;
      const kinds = sheet.kinds[column] ?? new Set<ValueKind>();
      kinds.add(kind);
      sheet.kinds[column] = kinds;
      sheet.nonEmpty[column] = (sheet.nonEmpty[column] ?? 0) + 1;
    });
    sheet.dataRows++;
    if (sheet.dataRows > this.maxRowsPerSheet) return;
    const line = texts
      .map((text, column) => (text === "" ? "" : `${headers[column]}: ${text}`))
      .filter((pair) => pair !== "")
      .join("; ");
    this.writeLine(line, { sheet: sheet.segmentSheet, row: rowNumber });
  }

  finish(): { text: string; segments: TextSegment[]; schemaInfo: SchemaInfo; warnings: string[] } {
    this.endSheet();
    return {
      text: this.parts.join(""),
      segments: this.segments,
      schemaInfo: { sheets: this.sheets },
      warnings: this.warnings,
    };
  }

  private endSheet(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    this.sheet = null;
    const headers = sheet.headers ?? [];
    if (sheet.dataRows === 0 && headers.length > 0) {
      // A sheet that is only a header still has words worth finding.
      this.writeLine(headers.join("; "), { sheet: sheet.segmentSheet, row: sheet.headerRow });
    }
    if (sheet.dataRows > this.maxRowsPerSheet) {
      this.warnings.push(
        `${sheet.segmentSheet ? `Sheet "${sheet.segmentSheet}"` : "The table"} has ${sheet.dataRows.toLocaleString("en-US")} rows; only the first ${this.maxRowsPerSheet.toLocaleString("en-US")} were extracted as text`,
      );
    }
    this.sheets.push({
      name: sheet.name,
      columns: headers.map((name, column) => ({
        name,
        type: mergeKinds(sheet.kinds[column] ?? new Set()),
        non_empty: sheet.nonEmpty[column] ?? 0,
      })),
      row_count: sheet.dataRows,
    });
    this.sheetBreakPending = this.length > 0;
  }

  private writeLine(line: string, where: { sheet: string | undefined; row: number }): void {
    if (line === "") return;
    if (this.length > 0) this.append(this.sheetBreakPending ? "\n\n" : "\n");
    this.sheetBreakPending = false;
    const start = this.length;
    this.append(line);
    this.segments.push(
      where.sheet === undefined
        ? { start, end: this.length, row: where.row }
        : { start, end: this.length, sheet: where.sheet, row: where.row },
    );
  }

  private append(piece: string): void {
    this.parts.push(piece);
    this.length += piece.length;
  }
}

/** Header names as written, with blanks named "Column N" and repeats numbered so each is unique. */
function uniqueHeaders(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text, column) => {
    const base = text === "" ? `Column ${column + 1}` : text;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
