import { checkFieldName, filterLeaf, operatorNamed } from "./filter-leaf.js";
import { type FilterNode, filterLimits } from "./filter-node.js";
import { invalidFilter } from "./invalid-filter.js";

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Several conditions that must all (or any) hold; one condition stands for itself. */
export function combine(kind: "and" | "or", children: FilterNode[]): FilterNode {
  const [only] = children;
  return children.length === 1 && only ? only : { kind, children };
}

function enter(depth: number): number {
  if (depth + 1 > filterLimits.maxDepth) {
    throw invalidFilter(`nesting exceeds the limit of ${filterLimits.maxDepth} levels`);
  }
  return depth + 1;
}

/** An expression-tree leaf: `{"field", "operator", "value"}` and nothing else. */
function parseTreeLeaf(object: PlainObject): FilterNode {
  const extra = Object.keys(object).filter((key) => key !== "field" && key !== "operator" && key !== "value");
  if (extra.length > 0)
    throw invalidFilter(`unexpected key '${extra[0]}' in a {field, operator, value} leaf`);
  const field = checkFieldName(object.field);
  if (typeof object.operator !== "string")
    throw invalidFilter(`the operator of field '${field}' must be a string`);
  const operator = operatorNamed(object.operator);
  if (!operator) throw invalidFilter(`unknown operator '${object.operator}' on field '${field}'`, { field });
  if (!Object.hasOwn(object, "value")) {
    if (operator !== "exists")
      throw invalidFilter(`operator '${operator}' on field '${field}' needs a value`);
    return filterLeaf(field, operator, true);
  }
  return filterLeaf(field, operator, object.value);
}

/** `{"AND": [...]}`, `{"$or": [...]}`: a non-empty array of filter objects. */
function parseLogicalList(kind: "and" | "or", key: string, value: unknown, depth: number): FilterNode {
  if (!Array.isArray(value) || value.length === 0)
    throw invalidFilter(`'${key}' takes a non-empty array of filters`);
  const inner = enter(depth);
  return combine(
    kind,
    value.map((item) => {
      if (!isPlainObject(item)) throw invalidFilter(`every item of '${key}' must be a filter object`);
      return parseFilterObject(item, inner);
    }),
  );
}

/** `{"gte": 2020, "$lt": 2030}`, `{"$not": {...}}`: every operator of one field, ANDed. */
function parseOperatorDict(field: string, operators: PlainObject, depth: number): FilterNode {
  const entries = Object.entries(operators);
  if (entries.length === 0) throw invalidFilter(`the operator object of field '${field}' is empty`);
  return combine(
    "and",
    entries.map(([name, value]): FilterNode => {
      if (name === "$not" || name === "not") {
        if (!isPlainObject(value))
          throw invalidFilter(`'${name}' on field '${field}' takes an operator object`);
        return { kind: "not", child: parseOperatorDict(field, value, enter(depth)) };
      }
      const operator = operatorNamed(name);
      if (!operator) throw invalidFilter(`unknown operator '${name}' on field '${field}'`, { field });
      return filterLeaf(field, operator, value);
    }),
  );
}

/** `"field": value`: a scalar is an exact match, a list is membership, an object holds operators. */
function parseFieldCondition(field: string, value: unknown, depth: number): FilterNode {
  checkFieldName(field);
  if (Array.isArray(value)) return filterLeaf(field, "in", value);
  if (isPlainObject(value)) return parseOperatorDict(field, value, depth);
  return filterLeaf(field, "eq", value);
}

function parseEntry(key: string, value: unknown, depth: number): FilterNode {
  switch (key) {
    case "AND":
    case "$and":
      return parseLogicalList("and", key, value, depth);
    case "OR":
    case "$or":
      return parseLogicalList("or", key, value, depth);
    case "$nor":
      return { kind: "not", child: parseLogicalList("or", key, value, enter(depth)) };
    case "NOT":
    case "$not":
      if (!isPlainObject(value)) throw invalidFilter(`'${key}' takes one filter object`);
      return { kind: "not", child: parseFilterObject(value, enter(depth)) };
    default:
      if (key.startsWith("$")) throw invalidFilter(`unknown top-level operator '${key}'`);
      return parseFieldCondition(key, value, depth);
  }
}

/**
 * The dict forms of spec §5.3: `{"field": value}` (keys ANDed), operator sub-dicts, Mongo-style
 * `$in`/`$and`/`$or`/`$not`/…, and expression trees of `AND`/`OR`/`NOT` over `{field, operator, value}`.
 * An empty object filters nothing out.
 */
export function parseFilterObject(object: PlainObject, depth = 0): FilterNode {
  if (Object.hasOwn(object, "field") && Object.hasOwn(object, "operator")) return parseTreeLeaf(object);
  return combine(
    "and",
    Object.entries(object).map(([key, value]) => parseEntry(key, value, depth)),
  );
}
