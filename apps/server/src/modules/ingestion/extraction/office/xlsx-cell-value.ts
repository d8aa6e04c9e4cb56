import type { TabularValue } from "../text/tabular-text.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Reduces an ExcelJS cell value (`CellValue`) to a plain value: formulas to their cached result, rich text and
 * hyperlinks to their text, errors to their code (`#N/A`). Date-formatted numbers already arrive
 * as `Date` when styles are read.
 */
export function tabularValueOf(value: unknown): TabularValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (!isRecord(value)) return null;
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  if ("result" in value || "formula" in value || "sharedFormula" in value)
    return tabularValueOf(value.result);
  if (typeof value.text === "string") return value.text;
  if (isRecord(value.text)) return tabularValueOf(value.text);
  if (typeof value.error === "string") return value.error;
  return null;
}
