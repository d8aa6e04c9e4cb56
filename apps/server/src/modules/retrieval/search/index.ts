// The search use cases other parts of the module (space search) call.
export type { DatasetSearch, SearchDeps } from "./dataset-search.js";
export { runDatasetSearch } from "./run-dataset-search.js";
export { searchDataset } from "./search-dataset.js";
export { parseSearchPlan, type SearchMode, type SearchPlan } from "./search-plan.js";
export { type SqlCondition, vectorFilterColumns } from "./search-scope.js";
