import { assertNever } from "../../../platform/errors/index.js";
import { columnPredicate } from "./compile-column-predicate.js";
import { metadataPredicate, type PositiveOperator } from "./compile-metadata-predicate.js";
import { checkFieldName, checkLeafValue } from "./filter-leaf.js";
import type { FilterColumn, FilterNode, FilterOperator } from "./filter-node.js";
import { invalidFilter } from "./invalid-filter.js";
import { isIsoDate } from "./iso-date.js";
import { checkFilterLimits } from "./parse-filter.js";
import { type Bind, binderFor } from "./sql-binder.js";

type Leaf = Extract<FilterNode, { kind: "leaf" }>;

/** How a leaf is decided: a positive predicate, possibly negated, or presence alone (exists). */
type LeafPlan = { positive: PositiveOperator; negate: boolean } | { presence: boolean };

function planOf(operator: FilterOperator, value: unknown): LeafPlan {
  switch (operator) {
    case "ne":
      return { positive: "eq", negate: true };
    case "nin":
      return { positive: "in", negate: true };
    case "exists":
      return { presence: value === true };
    case "eq":
    case "gt":
    case "gte":
    case "lt":
    case "lte":
    case "in":
    case "contains":
    case "startswith":
    case "endswith":
    case "like":
      return { positive: operator, negate: false };
    default:
      return assertNever(operator);
  }
}

/** G41: a field that is neither in metadata nor a non-null column is false, except exists:false, ne, nin and IS NULL. */
function missingResult(plan: LeafPlan, value: unknown): boolean {
  if ("presence" in plan) return !plan.presence;
  if (plan.positive === "eq") return plan.negate !== (value === null);
  return plan.negate;
}

function decide(plan: LeafPlan, predicate: (operator: PositiveOperator) => string): string {
  if ("presence" in plan) return plan.presence ? "TRUE" : "FALSE";
  const positive = predicate(plan.positive);
  return plan.negate ? `(NOT ${positive})` : positive;
}

/**
 * For an exact match on a metadata-only field, `metadata @> {"a": {"b": v}}` is implied by the leaf,
 * so ANDing it changes nothing but lets PostgreSQL use the GIN (jsonb_path_ops) index on metadata.
 * Not for date strings (they match other spellings of the same instant) nor numeric path parts
 * (`tags.0` indexes an array, which containment would read as an object key).
 */
function containmentHint(leaf: Leaf, path: string[], bind: Bind, metadataSql: string): string | undefined {
  const { operator, value } = leaf;
  const dateLike = typeof value === "string" && isIsoDate(value);
  if (operator !== "eq" || value === null || dateLike) return undefined;
  if (path.some((part) => /^[0-9]+$/.test(part))) return undefined;
  const document = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
  return `${metadataSql} @> ${bind(JSON.stringify(document), "jsonb")}`;
}

/**
 * One leaf: the metadata key (a path of bound segments) if present and not JSON null, else the
 * promoted column if non-null, else "missing". Every branch is guarded by a type test so that no
 * stored value can make the query fail; COALESCE turns any stray NULL into false so NOT stays two-valued.
 */
function compileLeaf(
  leaf: Leaf,
  columns: Readonly<Record<string, FilterColumn>>,
  bind: Bind,
  metadataSql: string,
): string {
  const field = checkFieldName(leaf.field);
  checkLeafValue(field, leaf.operator, leaf.value);
  const plan = planOf(leaf.operator, leaf.value);
  const path = field.split(".");
  const column = Object.hasOwn(columns, field) ? columns[field] : undefined;
  const hint = column ? undefined : containmentHint(leaf, path, bind, metadataSql);
  const json = `(${metadataSql} #> ${bind(path, "text[]")})`;
  const branches = [
    `WHEN coalesce(jsonb_typeof(${json}), 'null') <> 'null' THEN ${decide(plan, (operator) => metadataPredicate(json, operator, leaf.value, bind))}`,
  ];
  if (column) {
    branches.push(
      `WHEN ${column.sql} IS NOT NULL THEN ${decide(plan, (operator) => columnPredicate(column, operator, leaf.value, bind))}`,
    );
  }
  const missing = missingResult(plan, leaf.value) ? "TRUE" : "FALSE";
  const decided = `COALESCE(CASE ${branches.join(" ")} ELSE ${missing} END, FALSE)`;
  return hint ? `(${hint} AND ${decided})` : decided;
}

function compileNode(
  node: FilterNode,
  columns: Readonly<Record<string, FilterColumn>>,
  bind: Bind,
  metadataSql: string,
): string {
  switch (node.kind) {
    case "and":
    case "or": {
      if (node.children.length === 0) return node.kind === "and" ? "TRUE" : "FALSE";
      const joiner = node.kind === "and" ? " AND " : " OR ";
      return `(${node.children.map((child) => compileNode(child, columns, bind, metadataSql)).join(joiner)})`;
    }
    case "not":
      return `(NOT ${compileNode(node.child, columns, bind, metadataSql)})`;
    case "leaf":
      return compileLeaf(node, columns, bind, metadataSql);
    default:
      return assertNever(node);
  }
}

/**
 * A filter tree as one boolean SQL expression. Values and field names are appended to `params` and
 * referenced as `$n`; only `columns[…].sql` and `metadataSql` (trusted, from the caller) are spliced in.
 * Resolution follows G41 (metadata first, then the column); type mismatches are false, not errors.
 */
export function compileFilter(
  node: FilterNode,
  columns: Readonly<Record<string, FilterColumn>>,
  params: unknown[],
  metadataSql = "v.metadata",
): string {
  if (typeof node !== "object" || node === null) throw invalidFilter("a filter tree must be an object");
  checkFilterLimits(node);
  return compileNode(node, columns, binderFor(params), metadataSql);
}
