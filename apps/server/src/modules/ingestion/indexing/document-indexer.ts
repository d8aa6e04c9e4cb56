import type { SqlTx } from "../../../platform/sql/index.js";

/** One stored chunk as retrieval indexes it. */
export interface IndexableChunk {
  readonly id: string;
  readonly index: number;
  readonly content: string;
  readonly page: number | null;
  readonly headingPath: readonly string[];
  readonly language: string | null;
  /** The chunk's place in the document's extracted text. */
  readonly startOffset: number;
  readonly endOffset: number;
}

export interface IndexableDocument {
  readonly tenantId: string;
  readonly spaceId: string;
  readonly notebookId: string;
  readonly documentId: string;
  readonly name: string;
  /**
   * The document's title as its text states it ("Kestrel HT-40 Air-to-Water Heat Pump"), null
   * when it has none (`documentTitleOf`).
   */
  readonly title: string | null;
  readonly tags: readonly string[];
  readonly sensitivity: string | null;
  readonly language: string | null;
}

/**
 * Chunk texts embedded ahead of `prepare` (opaque to ingestion: retrieval knows what it holds),
 * e.g. while the worker still detects the chunks' languages.
 */
export interface ChunkEmbeddings {
  /** The texts embedded, in order. */
  readonly texts: readonly string[];
}

/** Embeddings computed for one document, ready to be written. */
export interface PreparedIndex {
  readonly document: IndexableDocument;
  readonly vectorCount: number;
  /** Writes the vectors (replacing the document's old ones); runs inside the caller's transaction. */
  commit(tx: SqlTx): Promise<void>;
}

/**
 * Retrieval as ingestion sees it (the port; retrieval provides the adapter at start-up). Embedding
 * runs before the transaction (it is slow and may be remote); the vectors are then written in the
 * same transaction that stores the chunks and marks the document `processed`, so a processed
 * document is always searchable and a failed one leaves nothing behind.
 */
export interface DocumentIndexer {
  /** Embeds a tenant's chunk texts for its index before their chunks are complete. */
  embed(tenantId: string, texts: readonly string[], signal?: AbortSignal): Promise<ChunkEmbeddings>;
  /**
   * The chunks' vectors, ready to be written: from `embedded` when it holds exactly their texts
   * (made by this indexer's `embed`), else embedded now.
   */
  prepare(
    document: IndexableDocument,
    chunks: readonly IndexableChunk[],
    signal?: AbortSignal,
    embedded?: ChunkEmbeddings,
  ): Promise<PreparedIndex>;
}
