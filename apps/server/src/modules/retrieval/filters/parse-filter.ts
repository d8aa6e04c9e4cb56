import { assertNever } from "../../../platform/errors/index.js";
import { type FilterInput, type FilterNode, filterLimits } from "./filter-node.js";
import { invalidFilter } from "./invalid-filter.js";
import { parseFilterObject } from "./parse-dict-filter.js";
import { parseSqlFilter } from "./parse-sql-filter.js";

interface FilterSize {
  readonly depth: number;
  readonly nodes: number;
}

/** Logical nesting (a bare leaf is 0) and node count, measured on the parsed tree. */
export function measureFilter(node: FilterNode): FilterSize {
  switch (node.kind) {
    case "leaf":
      return { depth: 0, nodes: 1 };
    case "not": {
      const child = measureFilter(node.child);
      return { depth: child.depth + 1, nodes: child.nodes + 1 };
    }
    case "and":
    case "or": {
      let depth = 0;
      let nodes = 1;
      for (const child of node.children) {
        const size = measureFilter(child);
        depth = Math.max(depth, size.depth);
        nodes += size.nodes;
      }
      return { depth: depth + 1, nodes };
    }
    default:
      return assertNever(node);
  }
}

/** Throws unless the tree is within `filterLimits`. */
export function checkFilterLimits(node: FilterNode): void {
  const size = measureFilter(node);
  if (size.depth > filterLimits.maxDepth) {
    throw invalidFilter(`nesting exceeds the limit of ${filterLimits.maxDepth} levels`, {
      depth: size.depth,
    });
  }
  if (size.nodes > filterLimits.maxNodes) {
    throw invalidFilter(`a filter may hold at most ${filterLimits.maxNodes} conditions`, {
      conditions: size.nodes,
    });
  }
}

/**
 * Any of the three filter forms of spec §5.3 as one FilterNode tree: a dict (exact matches, lists,
 * operator sub-dicts, Mongo `$`-operators, `AND`/`OR`/`NOT` trees) or an SQL-like string.
 * Anything malformed is a 400 INVALID_SEARCH_PARAMS that says what and where.
 */
export function parseFilter(input: FilterInput): FilterNode {
  let node: FilterNode;
  if (typeof input === "string") node = parseSqlFilter(input);
  else if (typeof input === "object" && input !== null && !Array.isArray(input))
    node = parseFilterObject(input);
  else throw invalidFilter("a filter must be an object or an SQL-like string");
  checkFilterLimits(node);
  return node;
}
