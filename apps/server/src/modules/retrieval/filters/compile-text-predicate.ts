import { assertNever } from "../../../platform/errors/index.js";
import { isIsoDate, isIsoDateSql, timestampSql } from "./iso-date.js";
import type { Bind } from "./sql-binder.js";

export type OrderingOperator = "eq" | "gt" | "gte" | "lt" | "lte";
export type StringOperator = "contains" | "startswith" | "endswith" | "like";

export function sqlComparison(operator: OrderingOperator): string {
  switch (operator) {
    case "eq":
      return "=";
    case "gt":
      return ">";
    case "gte":
      return ">=";
    case "lt":
      return "<";
    case "lte":
      return "<=";
    default:
      return assertNever(operator);
  }
}

/**
 * Compares a non-null text expression with a string value: as timestamps when both are ISO dates,
 * else by code point (COLLATE "C", like the spec's Python string comparison).
 */
export function compareText(text: string, operator: OrderingOperator, value: string, bind: Bind): string {
  const comparison = sqlComparison(operator);
  const bound = bind(value, "text");
  const asText = `(${text} COLLATE "C" ${comparison} ${bound})`;
  if (!isIsoDate(value)) return asText;
  return `(CASE WHEN ${isIsoDateSql(text)} THEN ${timestampSql(text)} ${comparison} ${timestampSql(bound)} ELSE ${asText} END)`;
}

/** Substring, prefix, suffix or LIKE over a non-null text expression (case-sensitive, as in the spec). */
export function matchText(text: string, operator: StringOperator, value: string, bind: Bind): string {
  const bound = bind(value, "text");
  switch (operator) {
    case "contains":
      return `(strpos(${text}, ${bound}) > 0)`;
    case "startswith":
      return `starts_with(${text}, ${bound})`;
    case "endswith":
      return `(right(${text}, char_length(${bound})) = ${bound})`;
    case "like":
      return `(${text} LIKE ${bound})`;
    default:
      return assertNever(operator);
  }
}
