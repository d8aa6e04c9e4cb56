import { AppError } from "../../../platform/errors/index.js";

/** The hybrid-search fusion methods of spec tas-processing-vectors §5.4. */
export const fusionMethods = [
  "weighted_sum",
  "reciprocal_rank_fusion",
  "comb_sum",
  "comb_mnz",
  "borda_count",
] as const;

export type FusionMethod = (typeof fusionMethods)[number];

/** The short names, accepted as aliases of the spec's names. */
const fusionMethodAliases: Readonly<Record<string, FusionMethod>> = {
  weighted: "weighted_sum",
  rrf: "reciprocal_rank_fusion",
  combsum: "comb_sum",
  combmnz: "comb_mnz",
  borda: "borda_count",
};

export function isFusionMethod(name: string): name is FusionMethod {
  return (fusionMethods as readonly string[]).includes(name);
}

/** A fusion method by its spec name or short alias (G25: never free text); INVALID_SEARCH_PARAMS otherwise. */
export function parseFusionMethod(name: string): FusionMethod {
  if (isFusionMethod(name)) return name;
  const alias = Object.hasOwn(fusionMethodAliases, name) ? fusionMethodAliases[name] : undefined;
  if (alias) return alias;
  throw new AppError("INVALID_SEARCH_PARAMS", `Unknown fusion method '${name}'`, {
    details: { fusion_method: name, allowed: [...fusionMethods, ...Object.keys(fusionMethodAliases)] },
  });
}
