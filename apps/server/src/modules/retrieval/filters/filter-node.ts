/** A metadata filter as clients send it (spec §5.3): a dict (plain, Mongo-style or expression tree) or an SQL-like string. */
export type FilterInput = Record<string, unknown> | string;

/** The spec's twelve operators, plus `like` for SQL LIKE patterns that are not a plain prefix, suffix or substring. */
export const filterOperators = [
  "eq",
  "ne",
  "gt",
  "gte",
  "lt",
  "lte",
  "in",
  "nin",
  "contains",
  "startswith",
  "endswith",
  "exists",
  "like",
] as const;

export type FilterOperator = (typeof filterOperators)[number];

/** A JSON scalar a leaf may compare with (`null` only with eq/ne: IS NULL / IS NOT NULL). */
export type FilterScalar = string | number | boolean | null;

/**
 * The one filter AST every input form parses into. Leaf values are checked by `checkLeafValue`:
 * eq/ne a scalar; gt/gte/lt/lte a number or string; in/nin an array of non-null scalars; contains a
 * non-null scalar; startswith/endswith/like a string; exists a boolean.
 */
export type FilterNode =
  | { kind: "and"; children: FilterNode[] }
  | { kind: "or"; children: FilterNode[] }
  | { kind: "not"; child: FilterNode }
  | { kind: "leaf"; field: string; operator: FilterOperator; value: unknown };

/** A promoted column a filter field may resolve to after metadata (G41); `sql` is trusted, e.g. `v.language`. */
export interface FilterColumn {
  readonly sql: string;
  readonly type: "text" | "integer" | "timestamptz" | "uuid";
}

/** Limits that keep a filter cheap to parse and to run ("avoid deep nesting", spec §5.3). */
export const filterLimits = {
  /** Nested and/or/not levels (a bare leaf is 0). */
  maxDepth: 10,
  /** Leaves and logical nodes together. */
  maxNodes: 256,
  /** Values of one in/nin list. */
  maxListValues: 1000,
  /** Characters of an SQL-like filter string, and of any one string value. */
  maxTextLength: 10_000,
  /** Characters of a field name. */
  maxFieldLength: 64,
} as const;
