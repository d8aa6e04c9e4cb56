export { compileFilter } from "./compile-filter.js";
export { checkFieldName, checkLeafValue, operatorNamed } from "./filter-leaf.js";
export {
  type FilterColumn,
  type FilterInput,
  type FilterNode,
  type FilterOperator,
  type FilterScalar,
  filterLimits,
  filterOperators,
} from "./filter-node.js";
export { checkFilterLimits, measureFilter, parseFilter } from "./parse-filter.js";
