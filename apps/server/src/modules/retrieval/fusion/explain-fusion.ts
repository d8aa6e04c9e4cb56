import type { FusedHit } from "./fuse-rankings.js";
import type { FusionMethod } from "./parse-fusion-method.js";
import type { HybridWeights } from "./validate-hybrid-weights.js";

/**
 * The explanation of one hybrid result (spec §5.5), every value a string (G29). A list the hit
 * was missing from reports score "0" (it contributed nothing) and no rank key.
 */
export function explainFusion(
  hit: FusedHit,
  method: FusionMethod,
  weights: HybridWeights,
): Record<string, string> {
  const explanation: Record<string, string> = {
    method: "hybrid_search",
    vector_score: String(hit.vector?.score ?? 0),
    text_score: String(hit.text?.score ?? 0),
    fusion_method: method,
    vector_weight: String(weights.vector),
    text_weight: String(weights.text),
    final_score: String(hit.score),
  };
  if (hit.vector) explanation.vector_rank = String(hit.vector.rank);
  if (hit.text) explanation.text_rank = String(hit.text.rank);
  return explanation;
}
