import type { AssistantPassage } from "@tributary/contracts";
import type { ContentCaller } from "../../content/index.js";
import type { SpacePassage } from "../../retrieval/index.js";
import type { NumberedPassage, SearchSpace } from "../search-port.js";
import { keyTermsOf, stemSetOf, termCoverage } from "../text/key-terms.js";

export interface EvidenceRequest {
  /** The standalone query (a follow-up already rewritten). */
  readonly query: string;
  readonly top_k: number;
  readonly search_mode: "hybrid" | "vector" | "text";
  readonly notebook_ids?: readonly string[] | undefined;
  readonly document_ids?: readonly string[] | undefined;
  readonly min_score?: number | undefined;
}

export interface Evidence {
  readonly query: string;
  readonly searchMode: "hybrid" | "vector" | "text";
  readonly tookMs: number;
  /** Everything the search returned, in rank order. */
  readonly considered: readonly SpacePassage[];
  /** The passages that passed the evidence gate, numbered 1… in rank order. */
  readonly passages: readonly NumberedPassage[];
}

/**
 * Searches the caller's space, then keeps as evidence only the passages that cover at least
 * `minTermCoverage` of the query's key terms (in their text, document name or headings). The
 * search's own `min_score` cannot tell "nothing relevant" apart: hybrid search always finds a
 * chunk that shares some character trigram or stop word with any question.
 */
export async function retrieveEvidence(
  searchSpace: SearchSpace,
  caller: ContentCaller,
  request: EvidenceRequest,
  minTermCoverage: number,
): Promise<Evidence> {
  const found = await searchSpace(caller, {
    query: request.query,
    top_k: request.top_k,
    search_mode: request.search_mode,
    ...(request.notebook_ids ? { notebook_ids: [...request.notebook_ids] } : {}),
    ...(request.document_ids ? { document_ids: [...request.document_ids] } : {}),
    ...(request.min_score !== undefined ? { min_score: request.min_score } : {}),
  });
  const terms = keyTermsOf(request.query);
  const considered = [...found.results].sort((a, b) => a.rank - b.rank);
  const passages: NumberedPassage[] = [];
  for (const passage of considered) {
    const searchable = `${passage.document_name}\n${passage.heading_path.join("\n")}\n${passage.content}`;
    if (termCoverage(terms, stemSetOf(searchable)) < minTermCoverage) continue;
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
      scores: { vector: passage.scores.vector, text: passage.scores.text },
      evidence: index !== null,
      in_prompt: index !== null && used.has(index),
    };
  });
}
