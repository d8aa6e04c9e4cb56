import { assertNever } from "../../../platform/errors/index.js";
import {
  compareText,
  matchText,
  type OrderingOperator,
  type StringOperator,
  sqlComparison,
} from "./compile-text-predicate.js";
import type { Bind } from "./sql-binder.js";

/** The operators whose truth is stated directly; ne, nin and exists derive from these. */
export type PositiveOperator = OrderingOperator | "in" | StringOperator;

/** When `json` is a JSON string, its text; the branch is never taken for other types. */
function whenString(json: string, predicate: (text: string) => string): string {
  return `(CASE WHEN jsonb_typeof(${json}) = 'string' THEN ${predicate(`(${json} #>> '{}')`)} ELSE FALSE END)`;
}

/** Equality: strings as text (dates as timestamps), numbers and booleans as JSON (1 = 1.0, never "1" = 1). */
function equals(json: string, value: unknown, bind: Bind): string {
  if (value === null) return "FALSE";
  if (typeof value === "string") return whenString(json, (text) => compareText(text, "eq", value, bind));
  return `(${json} = ${bind(JSON.stringify(value), "jsonb")})`;
}

/** Ordering within one JSON type only; any other pairing is false, never jsonb's cross-type order. */
function orders(json: string, operator: Exclude<OrderingOperator, "eq">, value: unknown, bind: Bind): string {
  if (typeof value === "number") {
    return `(CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${json})::numeric ${sqlComparison(operator)} ${bind(value, "numeric")} ELSE FALSE END)`;
  }
  if (typeof value === "string") return whenString(json, (text) => compareText(text, operator, value, bind));
  return "FALSE";
}

/** Membership; on an array field any overlap with the list matches. */
function isIn(json: string, values: readonly unknown[], bind: Bind): string {
  const list = bind(JSON.stringify(values), "jsonb");
  return `(CASE WHEN jsonb_typeof(${json}) = 'array'
    THEN EXISTS (SELECT 1 FROM jsonb_array_elements(${json}) AS element(item) WHERE ${list} @> jsonb_build_array(element.item))
    ELSE ${list} @> jsonb_build_array(${json}) END)`;
}

/** On an array field, element membership; on a string, substring. */
function contains(json: string, value: unknown, bind: Bind): string {
  const element = `(jsonb_typeof(${json}) = 'array' AND ${json} @> ${bind(JSON.stringify([value]), "jsonb")})`;
  if (typeof value !== "string") return element;
  return `(${element} OR ${whenString(json, (text) => matchText(text, "contains", value, bind))})`;
}

/** The predicate over a metadata value that is present and not JSON null. */
export function metadataPredicate(
  json: string,
  operator: PositiveOperator,
  value: unknown,
  bind: Bind,
): string {
  switch (operator) {
    case "eq":
      return equals(json, value, bind);
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return orders(json, operator, value, bind);
    case "in":
      return isIn(json, value as readonly unknown[], bind);
    case "contains":
      return contains(json, value, bind);
    case "startswith":
    case "endswith":
    case "like":
      return typeof value === "string"
        ? whenString(json, (text) => matchText(text, operator, value, bind))
        : "FALSE";
    default:
      return assertNever(operator);
  }
}
