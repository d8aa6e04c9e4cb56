import { assertNever } from "../../../platform/errors/index.js";
import { type FilterNode, type FilterOperator, filterLimits, filterOperators } from "./filter-node.js";
import { invalidFilter } from "./invalid-filter.js";

/**
 * Field names are a key or a dotted path into nested metadata (`author.name`, `pages.0`). They only
 * ever reach SQL as bound parameters; the pattern keeps them readable and rejects anything odd early.
 */
const fieldNamePattern = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;

const operatorAliases: Readonly<Record<string, FilterOperator>> = {
  "=": "eq",
  "==": "eq",
  "!=": "ne",
  "<>": "ne",
  neq: "ne",
  ">": "gt",
  ">=": "gte",
  "<": "lt",
  "<=": "lte",
  not_in: "nin",
  starts_with: "startswith",
  ends_with: "endswith",
};

/** An operator by its name in any dict form: `gte`, `$gte`, `GTE`, `>=`; undefined when unknown. */
export function operatorNamed(name: string): FilterOperator | undefined {
  const bare = (name.startsWith("$") ? name.slice(1) : name).toLowerCase();
  if ((filterOperators as readonly string[]).includes(bare)) return bare as FilterOperator;
  return Object.hasOwn(operatorAliases, bare) ? operatorAliases[bare] : undefined;
}

export function checkFieldName(field: unknown): string {
  if (typeof field !== "string" || field.length === 0)
    throw invalidFilter("a field name must be a non-empty string");
  if (field.length > filterLimits.maxFieldLength || !fieldNamePattern.test(field)) {
    throw invalidFilter(
      `field name '${field.slice(0, filterLimits.maxFieldLength)}' must be letters, digits, '_' or '-' in dot-separated parts, at most ${filterLimits.maxFieldLength} characters, starting with a letter or '_'`,
      { field: field.slice(0, filterLimits.maxFieldLength) },
    );
  }
  return field;
}

function isNonNullScalar(value: unknown): value is string | number | boolean {
  return (
    (typeof value === "string" && value.length <= filterLimits.maxTextLength) ||
    (typeof value === "number" && Number.isFinite(value)) ||
    typeof value === "boolean"
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string" && value.length > filterLimits.maxTextLength) return "an over-long string";
  if (typeof value === "number" && !Number.isFinite(value)) return "a non-finite number";
  return `a ${typeof value}`;
}

function wrongValue(field: string, operator: FilterOperator, expected: string, value: unknown): never {
  throw invalidFilter(
    `operator '${operator}' on field '${field}' takes ${expected}, not ${describe(value)}`,
    {
      field,
      operator,
    },
  );
}

/** Throws unless `value` suits `operator` (see FilterNode); values are never coerced. */
export function checkLeafValue(field: string, operator: FilterOperator, value: unknown): void {
  switch (operator) {
    case "eq":
    case "ne":
      if (value !== null && !isNonNullScalar(value))
        wrongValue(field, operator, "a string, number, boolean or null", value);
      return;
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      if ((typeof value !== "string" && typeof value !== "number") || !isNonNullScalar(value)) {
        wrongValue(field, operator, "a number or string", value);
      }
      return;
    case "in":
    case "nin":
      if (!Array.isArray(value)) wrongValue(field, operator, "an array", value);
      if (value.length > filterLimits.maxListValues) {
        throw invalidFilter(
          `operator '${operator}' on field '${field}' takes at most ${filterLimits.maxListValues} values`,
          {
            field,
            operator,
          },
        );
      }
      for (const item of value) {
        if (!isNonNullScalar(item))
          wrongValue(field, operator, "an array of strings, numbers or booleans", item);
      }
      return;
    case "contains":
      if (!isNonNullScalar(value)) wrongValue(field, operator, "a string, number or boolean", value);
      return;
    case "startswith":
    case "endswith":
      if (typeof value !== "string" || !isNonNullScalar(value))
        wrongValue(field, operator, "a string", value);
      return;
    case "like":
      if (typeof value !== "string" || !isNonNullScalar(value))
        wrongValue(field, operator, "a string", value);
      if (/(?:^|[^\\])(?:\\\\)*\\$/.test(value)) {
        throw invalidFilter(`LIKE pattern for field '${field}' must not end with an escape character`, {
          field,
        });
      }
      return;
    case "exists":
      if (typeof value !== "boolean") wrongValue(field, operator, "true or false", value);
      return;
    default:
      assertNever(operator);
  }
}

/** A checked leaf: a valid field name and a value that suits the operator. */
export function filterLeaf(field: unknown, operator: FilterOperator, value: unknown): FilterNode {
  const name = checkFieldName(field);
  checkLeafValue(name, operator, value);
  return { kind: "leaf", field: name, operator, value };
}
