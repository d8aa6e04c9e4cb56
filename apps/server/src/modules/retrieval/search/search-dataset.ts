import type { SearchResponse } from "@tributary/contracts";
import { assertNever } from "../../../platform/errors/index.js";
import type { DatasetSearch, SearchDeps } from "./dataset-search.js";
import { searchByText } from "./search-by-text.js";
import { searchByVector } from "./search-by-vector.js";
import { searchHybrid } from "./search-hybrid.js";
import type { SearchMode } from "./search-plan.js";

/**
 * Searches one dataset the caller may read, in one of the three modes. The entry point for other
 * use cases (e.g. space search): pass `extraCondition` to narrow the ranking inside the SQL.
 */
export function searchDataset(
  deps: SearchDeps,
  mode: SearchMode,
  search: DatasetSearch,
): Promise<SearchResponse> {
  switch (mode) {
    case "vector":
      return searchByVector(deps, search);
    case "text":
      return searchByText(deps, search);
    case "hybrid":
      return searchHybrid(deps, search);
    default:
      return assertNever(mode);
  }
}
