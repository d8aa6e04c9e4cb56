export { explainFusion } from "./explain-fusion.js";
export {
  type ComponentRank,
  defaultRrfK,
  type FusedHit,
  type FuseRankingsInput,
  fuseRankings,
  type RankedHit,
} from "./fuse-rankings.js";
export {
  type FusionMethod,
  fusionMethods,
  isFusionMethod,
  parseFusionMethod,
} from "./parse-fusion-method.js";
export {
  type HybridWeights,
  hybridWeightTolerance,
  renormaliseHybridWeights,
  validateHybridWeights,
} from "./validate-hybrid-weights.js";
