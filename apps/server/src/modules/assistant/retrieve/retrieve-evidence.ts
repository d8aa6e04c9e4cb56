import type { AssistantPassage } from "@tributary/contracts";
import { assertNever } from "../../../platform/errors/index.js";
import type { ContentCaller } from "../../content/index.js";
import type { SpacePassage, SpaceSearchResult } from "../../retrieval/index.js";
import type { NumberedPassage, SearchSpace } from "../search-port.js";
import { questionTermsOf } from "../text/key-terms.js";
import { passageCoverage } from "./evidence-terms.js";

export interface EvidenceRequest {
  /** The standalone query (a follow-up already rewritten). */
  readonly query: string;
  readonly top_k: number;
  readonly search_mode: "hybrid" | "vector" | "text";
  readonly notebook_ids?: readonly string[] | undefined;
  readonly document_ids?: readonly string[] | undefined;
  readonly min_score?: number | undefined;
}

/** ASSISTANT_MIN_TERM_COVERAGE and ASSISTANT_RERANK. */
export interface EvidenceSettings {
  /** Share of the query's key terms a passage must show to count as evidence (0: no gate). */
  readonly minTermCoverage: number;
  /** ASSISTANT_RERANK: whether the search re-ranks its best passages by sentence. */
  readonly rerank: "auto" | "on" | "off";
}

export interface Evidence {
  readonly query: string;
  readonly searchMode: "hybrid" | "vector" | "text";
  readonly tookMs: number;
  /** The passages considered, at most `top_k`, in the assistant's rank order (`rank` 1…). */
  readonly considered: readonly SpacePassage[];
  /** The passages that passed the evidence gate, numbered 1… in rank order. */
  readonly passages: readonly NumberedPassage[];
}

/**
 * Hybrid candidates fetched so that they can be re-ranked (the most a request's `top_k` may be):
 * the lexical retriever's best passages can sit anywhere in an equal-weight fusion.
 */
export const hybridPool = 50;

/**
 * Searches the caller's space (re-ranked by sentence when `settings.rerank`), then keeps as evidence only the passages that show at least
 * `minTermCoverage` of the query's key terms (`passageCoverage`: in their content or headings;
 * terms of the document's name say which document, not what it says). The search's own
 * `min_score` cannot tell "nothing relevant" apart: hybrid search always finds a chunk that
 * shares some character trigram or stop word with any question.
 */
export async function retrieveEvidence(
  searchSpace: SearchSpace,
  caller: ContentCaller,
  request: EvidenceRequest,
  settings: EvidenceSettings,
): Promise<Evidence> {
  const found = await searchSpace(caller, {
    query: request.query,
    top_k: request.search_mode === "hybrid" ? Math.max(request.top_k, hybridPool) : request.top_k,
    search_mode: request.search_mode,
    ...(request.notebook_ids ? { notebook_ids: [...request.notebook_ids] } : {}),
    ...(request.document_ids ? { document_ids: [...request.document_ids] } : {}),
    ...(request.min_score !== undefined ? { min_score: request.min_score } : {}),
    rerank: rerankRequest(settings.rerank),
  });
  const terms = questionTermsOf(request.query);
  const considered = rankPassages(found, request.search_mode)
    .slice(0, request.top_k)
    .map((passage, i) => ({ ...passage, rank: i + 1 }));
  const passages: NumberedPassage[] = [];
  for (const passage of considered) {
    if (passageCoverage(terms, passage) < settings.minTermCoverage) continue;
    passages.push({ ...passage, index: passages.length + 1 });
  }
  return {
    query: request.query,
    searchMode: request.search_mode,
    tookMs: found.took_ms,
    considered,
    passages,
  };
}

function rerankRequest(setting: EvidenceSettings["rerank"]): boolean | "auto" {
  switch (setting) {
    case "auto":
      return "auto";
    case "on":
      return true;
    case "off":
      return false;
    default:
      return assertNever(setting);
  }
}

/**
 * The search's passages in the order the assistant weighs them. Hybrid search fuses the BM25
 * ranking with the embedder's at equal weight, which is right for an embedding model that knows
 * meaning. The built-in lexical embedder (`embedding_fallback`) does not: its vectors hash the
 * same words BM25 matches, without their rarity, so its ranking only adds noise to BM25's. Over
 * such a space, hybrid passages are ordered by their BM25 score; the fused score breaks ties and
 * orders the passages BM25 did not match at all.
 */
export function rankPassages(found: SpaceSearchResult, mode: EvidenceRequest["search_mode"]): SpacePassage[] {
  const ranked = [...found.results].sort((a, b) => a.rank - b.rank);
  if (mode !== "hybrid" || !found.stats.embedding_fallback) return ranked;
  const text = (passage: SpacePassage) => passage.scores.text ?? Number.NEGATIVE_INFINITY;
  return ranked.sort((a, b) => text(b) - text(a) || a.rank - b.rank);
}

/** The `retrieval.passages` of an answer; `used` are the numbers the prompt (or extract) included. */
export function describePassages(evidence: Evidence, used: ReadonlySet<number>): AssistantPassage[] {
  const numbers = new Map(evidence.passages.map((passage) => [passage.chunk_id, passage.index]));
  return evidence.considered.map((passage) => {
    const index = numbers.get(passage.chunk_id) ?? null;
    return {
      index,
      rank: passage.rank,
      chunk_id: passage.chunk_id,
      document_id: passage.document_id,
      document_name: passage.document_name,
      page: passage.page,
      score: passage.score,
      scores: { vector: passage.scores.vector, text: passage.scores.text, sentence: passage.scores.sentence },
      evidence: index !== null,
      in_prompt: index !== null && used.has(index),
    };
  });
}
