import { AppError, assertNever } from "../../../platform/errors/index.js";
import type { FusionMethod } from "./parse-fusion-method.js";
import type { HybridWeights } from "./validate-hybrid-weights.js";

/** One retriever's hit; a list of them is sorted best-first. */
export interface RankedHit {
  readonly id: string;
  readonly score: number;
}

/** Where a hit stood in one retriever's list: its raw score and 1-based rank. */
export interface ComponentRank {
  readonly score: number;
  readonly rank: number;
}

export interface FusedHit {
  readonly id: string;
  /** The fused score s(d) of spec §5.4; its scale depends on the method. */
  readonly score: number;
  /** 1..n in output order. */
  readonly rank: number;
  readonly vector: ComponentRank | null;
  readonly text: ComponentRank | null;
}

export interface FuseRankingsInput {
  readonly vector: readonly RankedHit[];
  readonly text: readonly RankedHit[];
  readonly method: FusionMethod;
  readonly weights: HybridWeights;
  /** The RRF constant k; 60 as in the spec. */
  readonly rrfK?: number;
}

export const defaultRrfK = 60;

/** Score range and length of one list, which weighted_sum and borda_count need. */
interface ListShape {
  readonly length: number;
  readonly min: number;
  readonly max: number;
}

interface Candidate {
  readonly id: string;
  vector: ComponentRank | null;
  text: ComponentRank | null;
}

interface FusionContext {
  readonly weights: HybridWeights;
  readonly rrfK: number;
  readonly vectorShape: ListShape;
  readonly textShape: ListShape;
}

/** Min-max normalisation within one list; a list whose scores are all equal normalises to 1.0. */
function minMax(component: ComponentRank, shape: ListShape): number {
  if (shape.max === shape.min) return 1;
  return (component.score - shape.min) / (shape.max - shape.min);
}

/** `w_v·n_V + w_t·n_T` with min-max normalised scores; a missing list contributes 0. */
function weightedSum(candidate: Candidate, context: FusionContext): number {
  const { weights } = context;
  const vector = candidate.vector ? weights.vector * minMax(candidate.vector, context.vectorShape) : 0;
  const text = candidate.text ? weights.text * minMax(candidate.text, context.textShape) : 0;
  return vector + text;
}

/** `Σ w_x/(k + r_x)` with 1-based ranks. */
function reciprocalRankFusion(candidate: Candidate, context: FusionContext): number {
  const { weights, rrfK } = context;
  const vector = candidate.vector ? weights.vector / (rrfK + candidate.vector.rank) : 0;
  const text = candidate.text ? weights.text / (rrfK + candidate.text.rank) : 0;
  return vector + text;
}

/** `w_v·s_V + w_t·s_T` on raw scores (they are assumed to be normalised already). */
function combSum(candidate: Candidate, context: FusionContext): number {
  const { weights } = context;
  return (
    (candidate.vector ? weights.vector * candidate.vector.score : 0) +
    (candidate.text ? weights.text * candidate.text.score : 0)
  );
}

/** `(Σ w_x·s_x) × n` over the lists where the score is > 0; entries with score ≤ 0 are skipped. */
function combMnz(candidate: Candidate, context: FusionContext): number {
  const { weights } = context;
  let sum = 0;
  let lists = 0;
  if (candidate.vector && candidate.vector.score > 0) {
    sum += weights.vector * candidate.vector.score;
    lists += 1;
  }
  if (candidate.text && candidate.text.score > 0) {
    sum += weights.text * candidate.text.score;
    lists += 1;
  }
  return sum * lists;
}

/** `Σ w_x·(|X| − i_x)`: in a list of N, first place earns N and last earns 1. */
function bordaCount(candidate: Candidate, context: FusionContext): number {
  const { weights } = context;
  const vector = candidate.vector
    ? weights.vector * (context.vectorShape.length - candidate.vector.rank + 1)
    : 0;
  const text = candidate.text ? weights.text * (context.textShape.length - candidate.text.rank + 1) : 0;
  return vector + text;
}

function scorerFor(method: FusionMethod): (candidate: Candidate, context: FusionContext) => number {
  switch (method) {
    case "weighted_sum":
      return weightedSum;
    case "reciprocal_rank_fusion":
      return reciprocalRankFusion;
    case "comb_sum":
      return combSum;
    case "comb_mnz":
      return combMnz;
    case "borda_count":
      return bordaCount;
    default:
      return assertNever(method);
  }
}

/**
 * One list as components by id: the first occurrence of an id wins (lists are best-first), and
 * entries without a finite score are dropped, so a broken retriever cannot poison the fusion.
 */
function componentsOf(list: readonly RankedHit[]): { byId: Map<string, ComponentRank>; shape: ListShape } {
  const byId = new Map<string, ComponentRank>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const hit of list) {
    if (byId.has(hit.id) || !Number.isFinite(hit.score)) continue;
    byId.set(hit.id, { score: hit.score, rank: byId.size + 1 });
    min = Math.min(min, hit.score);
    max = Math.max(max, hit.score);
  }
  return { byId, shape: { length: byId.size, min, max } };
}

function requireUsableParameters(weights: HybridWeights, rrfK: number): void {
  for (const weight of [weights.vector, weights.text]) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new AppError("INVALID_SEARCH_PARAMS", "Fusion weights must be finite and non-negative", {
        details: { vector_weight: weights.vector, text_weight: weights.text },
      });
    }
  }
  if (!Number.isFinite(rrfK) || rrfK < 0) {
    throw new AppError("INVALID_SEARCH_PARAMS", "The RRF constant k must be finite and non-negative", {
      details: { rrf_k: rrfK },
    });
  }
}

function bestRank(hit: FusedHit): number {
  return Math.min(hit.vector?.rank ?? Number.POSITIVE_INFINITY, hit.text?.rank ?? Number.POSITIVE_INFINITY);
}

/** Score descending; ties by the best rank either list gave, then by id, so the order is deterministic. */
function compareFused(a: FusedHit, b: FusedHit): number {
  if (a.score !== b.score) return b.score - a.score;
  const byRank = bestRank(a) - bestRank(b);
  if (byRank !== 0) return byRank;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Fuses a vector and a text ranking with one of the five methods of spec §5.4 (requirements 16–18).
 * An empty (or failed) list simply contributes nothing, so fusing one empty list yields the other (G23).
 */
export function fuseRankings(input: FuseRankingsInput): FusedHit[] {
  const rrfK = input.rrfK ?? defaultRrfK;
  requireUsableParameters(input.weights, rrfK);
  const vector = componentsOf(input.vector);
  const text = componentsOf(input.text);
  const candidates = new Map<string, Candidate>();
  for (const [id, component] of vector.byId) candidates.set(id, { id, vector: component, text: null });
  for (const [id, component] of text.byId) {
    const candidate = candidates.get(id);
    if (candidate) candidate.text = component;
    else candidates.set(id, { id, vector: null, text: component });
  }
  const context: FusionContext = {
    weights: input.weights,
    rrfK,
    vectorShape: vector.shape,
    textShape: text.shape,
  };
  const score = scorerFor(input.method);
  const fused = [...candidates.values()].map(
    (candidate): FusedHit => ({ ...candidate, score: score(candidate, context), rank: 0 }),
  );
  return fused.sort(compareFused).map((hit, index) => ({ ...hit, rank: index + 1 }));
}
