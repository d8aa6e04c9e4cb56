import { assertNever } from "../../../platform/errors/index.js";
import type { PositiveOperator } from "./compile-metadata-predicate.js";
import { compareText, matchText, sqlComparison } from "./compile-text-predicate.js";
import type { FilterColumn } from "./filter-node.js";
import { isIsoDate, timestampSql } from "./iso-date.js";
import type { Bind } from "./sql-binder.js";

/** Text and uuid columns compare as text; uuids in their canonical lowercase form. */
function textPredicate(
  text: string,
  lowercase: boolean,
  operator: PositiveOperator,
  value: unknown,
  bind: Bind,
): string {
  const normalise = (item: string) => (lowercase ? item.toLowerCase() : item);
  if (operator === "in") {
    const strings = (value as readonly unknown[]).filter((item) => typeof item === "string").map(normalise);
    return strings.length > 0 ? `(${text} = ANY(${bind(strings, "text[]")}))` : "FALSE";
  }
  if (typeof value !== "string") return "FALSE";
  switch (operator) {
    case "eq":
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return compareText(text, operator, normalise(value), bind);
    case "contains":
    case "startswith":
    case "endswith":
    case "like":
      return matchText(text, operator, normalise(value), bind);
    default:
      return assertNever(operator);
  }
}

function integerPredicate(column: string, operator: PositiveOperator, value: unknown, bind: Bind): string {
  if (operator === "in") {
    const numbers = (value as readonly unknown[]).filter((item) => typeof item === "number");
    return numbers.length > 0 ? `(${column} = ANY(${bind(numbers, "numeric[]")}))` : "FALSE";
  }
  if (typeof value !== "number") return "FALSE";
  switch (operator) {
    case "eq":
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return `(${column} ${sqlComparison(operator)} ${bind(value, "numeric")})`;
    case "contains":
    case "startswith":
    case "endswith":
    case "like":
      return "FALSE";
    default:
      return assertNever(operator);
  }
}

function timestampPredicate(column: string, operator: PositiveOperator, value: unknown, bind: Bind): string {
  if (operator === "in") {
    const dates = (value as readonly unknown[]).filter((item) => typeof item === "string" && isIsoDate(item));
    if (dates.length === 0) return "FALSE";
    return `EXISTS (SELECT 1 FROM unnest(${bind(dates, "text[]")}) AS candidate(value) WHERE ${column} = ${timestampSql("candidate.value")})`;
  }
  if (typeof value !== "string" || !isIsoDate(value)) return "FALSE";
  switch (operator) {
    case "eq":
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return `(${column} ${sqlComparison(operator)} ${timestampSql(bind(value, "text"))})`;
    case "contains":
    case "startswith":
    case "endswith":
    case "like":
      return "FALSE";
    default:
      return assertNever(operator);
  }
}

/** The predicate over a promoted column that is not NULL; a value of the wrong type is simply false. */
export function columnPredicate(
  column: FilterColumn,
  operator: PositiveOperator,
  value: unknown,
  bind: Bind,
): string {
  switch (column.type) {
    case "text":
      return textPredicate(column.sql, false, operator, value, bind);
    case "uuid":
      return textPredicate(`(${column.sql})::text`, true, operator, value, bind);
    case "integer":
      return integerPredicate(column.sql, operator, value, bind);
    case "timestamptz":
      return timestampPredicate(column.sql, operator, value, bind);
    default:
      return assertNever(column.type);
  }
}
