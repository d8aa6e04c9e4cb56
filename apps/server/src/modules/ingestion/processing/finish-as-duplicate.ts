import { uuidv7 } from "uuidv7";
import { appendEvent } from "../../../platform/events/index.js";
import { type DocumentRow, getDocument, transitionDocumentStatus } from "../../content/index.js";
import { copyChunks, readIndexableChunks } from "../chunks/replace-chunks.js";
import { documentTitleOf } from "../indexing/document-title.js";
import { eventSource, type IngestionDeps } from "../ingestion-deps.js";
import { publish } from "./document-outcomes.js";

/** A byte-identical upload reuses the original's chunks and analysis instead of processing again. */
export async function finishAsDuplicate(
  deps: IngestionDeps,
  document: DocumentRow,
  startedAt: Date,
  signal?: AbortSignal,
): Promise<boolean> {
  const source = await deps.sql.withTenant(document.tenant_id, async (tx) => {
    const original = document.duplicate_of ? await getDocument(tx, document.duplicate_of) : null;
    if (original?.status !== "processed") return null;
    return { original, chunks: await readIndexableChunks(tx, original.id) };
  });
  if (!source) return false;
  // The copies get their ids now, so retrieval can embed them (from its cache) before the transaction.
  const ids = source.chunks.map(() => uuidv7());
  const index = deps.indexer
    ? await deps.indexer.prepare(
        {
          tenantId: document.tenant_id,
          spaceId: document.space_id,
          notebookId: document.notebook_id,
          documentId: document.id,
          name: document.name,
          title: documentTitleOf(source.chunks, source.original.schema_info),
          tags: document.tags,
          sensitivity: source.original.sensitivity_level,
          language: source.original.language,
        },
        source.chunks.map((chunk, i) => ({ ...chunk, id: ids[i] ?? "" })),
        signal,
      )
    : null;
  const done = await deps.sql.withTenant(document.tenant_id, async (tx) => {
    const original = await getDocument(tx, source.original.id);
    if (original?.status !== "processed") return false;
    const count = await copyChunks(tx, original.id, { id: document.id, spaceId: document.space_id }, ids);
    await index?.commit(tx);
    await transitionDocumentStatus(tx, document.id, "processed", {
      language: original.language,
      languageConfidence: original.language_confidence,
      piiSummary: original.pii_summary,
      sensitivityLevel: original.sensitivity_level,
      complianceFlags: original.compliance_flags,
      classification: original.classification,
      schemaInfo: original.schema_info,
      pageCount: original.page_count,
      chunkCount: count,
      processingTimeMs: Date.now() - startedAt.getTime(),
      processingStartedAt: startedAt,
      processedAt: new Date(),
    });
    const metadata = { tenant_id: document.tenant_id, space_id: document.space_id };
    const data = { document_id: document.id, chunk_count: count, duplicate_of: original.id };
    await appendEvent(tx, { type: "document.chunked", source: eventSource, data, metadata });
    await appendEvent(tx, { type: "processing.completed", source: eventSource, data, metadata });
    await appendEvent(tx, { type: "document.processed", source: eventSource, data, metadata });
    return true;
  });
  if (done) {
    deps.events.notify();
    publish(deps, document, "processed", { duplicate_of: document.duplicate_of });
  }
  return done;
}
