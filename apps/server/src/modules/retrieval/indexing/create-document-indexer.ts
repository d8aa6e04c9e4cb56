import { createHash } from "node:crypto";
import type { VectorCreate } from "@tributary/contracts";
import { appendEvent } from "../../../platform/events/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import type {
  ChunkEmbeddings,
  DocumentIndexer,
  IndexableChunk,
  IndexableDocument,
  PreparedIndex,
} from "../../ingestion/index.js";
import type { RetrievalDeps } from "../deps.js";
import { requireCurrentModel } from "../reembedding/require-current-model.js";
import {
  type DatasetRow,
  deleteVectorsByDocument,
  ensureDatasetIndex,
  ensureDefaultDataset,
  upsertVectors,
} from "../store/index.js";
import { maxContentChars } from "../store/validate-vector-records.js";

const eventSource = "retrieval";
const isoLanguage = /^[a-z]{2}$/;

/** What `embed` computed, kept here; ingestion holds only the handle. */
interface Embedded {
  readonly tenantId: string;
  readonly dataset: DatasetRow;
  readonly model: string;
  readonly vectors: readonly number[][];
}

/**
 * Retrieval's side of ingestion's `DocumentIndexer` port: a document's chunks are embedded with
 * the tenant's default dataset's pinned model (outside any transaction: the embedding cache and
 * remote providers need their own), then written, replacing the document's previous vectors, in
 * the transaction that marks the document processed.
 */
export function createDocumentIndexer(deps: RetrievalDeps): DocumentIndexer {
  const made = new WeakMap<ChunkEmbeddings, Embedded>();
  const embedTexts = async (
    tenantId: string,
    texts: readonly string[],
    signal?: AbortSignal,
  ): Promise<Embedded> => {
    const dataset = await defaultDatasetOf(deps, tenantId);
    if (texts.length === 0) return { tenantId, dataset, model: dataset.embedding_model, vectors: [] };
    const result = await deps.embeddings.embed({ tenantId, model: dataset.embedding_model, texts, signal });
    return { tenantId, dataset, model: result.model, vectors: result.vectors };
  };
  /** `handle`'s embeddings when this indexer made them, for this tenant and exactly these texts. */
  const reusable = (tenantId: string, chunks: readonly IndexableChunk[], handle?: ChunkEmbeddings) => {
    const embedded = handle && made.get(handle);
    if (!embedded || embedded.tenantId !== tenantId || handle.texts.length !== chunks.length)
      return undefined;
    return chunks.every((chunk, i) => chunk.content === handle.texts[i]) ? embedded : undefined;
  };

  return {
    async embed(tenantId, texts, signal) {
      const handle: ChunkEmbeddings = { texts };
      made.set(handle, await embedTexts(tenantId, texts, signal));
      return handle;
    },
    async prepare(document, chunks, signal, handle): Promise<PreparedIndex> {
      const embedded =
        reusable(document.tenantId, chunks, handle) ??
        (await embedTexts(
          document.tenantId,
          chunks.map((chunk) => chunk.content),
          signal,
        ));
      const { dataset } = embedded;
      const records = chunks.map((chunk, i) =>
        vectorRecord(document, chunk, chunks.length, embedded.vectors[i] ?? []),
      );
      return {
        document,
        vectorCount: records.length,
        async commit(tx: SqlTx) {
          await requireCurrentModel(tx, dataset);
          await deleteVectorsByDocument(tx, document.tenantId, document.documentId, dataset.id);
          if (records.length > 0) await upsertVectors(tx, dataset, records, { overwrite: true });
          const data = {
            document_id: document.documentId,
            dataset_id: dataset.name,
            vector_count: records.length,
            model: embedded.model,
          };
          const metadata = { tenant_id: document.tenantId, space_id: document.spaceId };
          await appendEvent(tx, {
            type: "processing.embedding_created",
            source: eventSource,
            data,
            metadata,
          });
          await appendEvent(tx, { type: "document.embedded", source: eventSource, data, metadata });
        },
      };
    },
  };
}

async function defaultDatasetOf(deps: RetrievalDeps, tenantId: string): Promise<DatasetRow> {
  const dataset = await deps.sql.withTenant(tenantId, (tx) =>
    ensureDefaultDataset(tx, tenantId, deps.embeddings.defaultModel),
  );
  await ensureDatasetIndex(deps.sql, dataset);
  return dataset;
}

/** One chunk as a vector record; what space search filters and cites on travels in its metadata. */
function vectorRecord(
  document: IndexableDocument,
  chunk: IndexableChunk,
  chunkCount: number,
  values: number[],
): VectorCreate {
  // Records keep at most 10,000 characters (spec §2); chunks are far smaller unless configured
  // otherwise, and the full chunk stays in ingestion's store.
  const content = chunk.content.slice(0, maxContentChars);
  const language = chunk.language ?? document.language;
  return {
    id: chunk.id,
    document_id: document.documentId,
    chunk_id: chunk.id,
    values,
    content,
    content_hash: createHash("sha256").update(content, "utf8").digest("hex"),
    ...(language && isoLanguage.test(language) ? { language } : {}),
    chunk_index: chunk.index,
    chunk_count: Math.max(chunkCount, chunk.index + 1),
    metadata: {
      space_id: document.spaceId,
      notebook_id: document.notebookId,
      document_name: document.name,
      document_title: document.title,
      tags: document.tags,
      sensitivity: document.sensitivity,
      page_number: chunk.page,
      heading_path: chunk.headingPath,
      start_offset: chunk.startOffset,
      end_offset: chunk.endOffset,
    },
  };
}
