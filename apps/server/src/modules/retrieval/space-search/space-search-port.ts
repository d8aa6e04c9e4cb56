/** `POST /api/v1/search` and the assistant's retrieval: search the caller's space. */
export interface SpaceSearchRequest {
  readonly query: string;
  /** 1–1000, default 10. */
  readonly top_k?: number | undefined;
  /** `hybrid` (default: vector + full-text fused with RRF), `vector` or `text`. */
  readonly search_mode?: "hybrid" | "vector" | "text" | undefined;
  readonly notebook_ids?: readonly string[] | undefined;
  readonly document_ids?: readonly string[] | undefined;
  /** Documents carrying any of these tags. */
  readonly tags?: readonly string[] | undefined;
  /** ISO dates: documents indexed in this range. */
  readonly created_after?: string | undefined;
  readonly created_before?: string | undefined;
  /** Minimum component score (0–1) before fusion; the space default when absent. */
  readonly min_score?: number | undefined;
  /**
   * Re-rank the best candidates by their sentence most similar to the query (`rerankBySentences`);
   * ignored over the built-in lexical embedder, whose vectors know no meaning. `auto`: only when
   * the embedder pools sentences (the sentence encoder), whose sentence vectors ingestion has
   * already cached; another embedder would embed (and a remote one bill) every candidate's
   * sentences on first use.
   */
  readonly rerank?: boolean | "auto" | undefined;
}

/** How similar one sentence of a passage is to the query; offsets in the passage's content. */
export interface SentenceScore {
  readonly start: number;
  readonly end: number;
  /** Cosine similarity of the sentence's vector and the query's. */
  readonly score: number;
}

/** One passage: a chunk of a readable document, with where it sits in the document's text. */
export interface SpacePassage {
  readonly rank: number;
  /** The fused score (RRF for hybrid; the retriever's own score otherwise). */
  readonly score: number;
  readonly scores: {
    readonly vector: number | null;
    readonly text: number | null;
    /** The best sentence's similarity to the query when re-ranked, else null. */
    readonly sentence: number | null;
  };
  readonly chunk_id: string;
  readonly chunk_index: number;
  readonly document_id: string;
  readonly document_name: string;
  /** The document's title block (its first paragraph, when short), null when it has none. */
  readonly document_title: string | null;
  readonly notebook_id: string;
  readonly content: string;
  readonly page: number | null;
  readonly heading_path: string[];
  /** Offsets of the chunk in the document's extracted text (`GET /documents/{id}/chunks` has the same). */
  readonly start_offset: number | null;
  readonly end_offset: number | null;
  readonly language: string | null;
  /** Each sentence's similarity to the query, in order, when the passage was re-ranked. */
  readonly sentences?: readonly SentenceScore[];
}

export interface SpaceSearchResult {
  readonly results: SpacePassage[];
  readonly took_ms: number;
  readonly stats: {
    readonly search_mode: "hybrid" | "vector" | "text";
    readonly vector_results: number;
    readonly text_results: number;
    readonly embedding_model: string;
    readonly embedding_fallback: boolean;
    /** How many of the first passages were re-ranked by sentence (0 when not). */
    readonly reranked: number;
  };
}
