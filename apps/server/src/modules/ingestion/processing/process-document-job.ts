import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { uuidv7 } from "uuidv7";
import { appendEvent } from "../../../platform/events/index.js";
import type { Job, JobContext, JobHandler } from "../../../platform/jobs/index.js";
import { type DocumentRow, getDocument, transitionDocumentStatus } from "../../content/index.js";
import { tenantQuotasOf } from "../../identity/index.js";
import { replaceChunks } from "../chunks/replace-chunks.js";
import { defaultExtractionLimits } from "../extraction/types.js";
import type {
  ChunkEmbeddings,
  DocumentIndexer,
  IndexableDocument,
  PreparedIndex,
} from "../indexing/document-indexer.js";
import { documentTitleOf } from "../indexing/document-title.js";
import { eventSource, type IngestionDeps } from "../ingestion-deps.js";
import { recordSessionOutcome } from "../sessions/record-session-outcome.js";
import { emit, failDocument, publish, publishProgress } from "./document-outcomes.js";
import { finishAsDuplicate } from "./finish-as-duplicate.js";
import type { ProcessFileOutput, ProcessFileProgress, ProcessingPool } from "./process-file.js";
import { WorkerTaskError } from "./worker-pool.js";

interface ProcessPayload {
  readonly document_id: string;
  readonly tenant_id: string;
  readonly session_id: string | null;
}

/**
 * The `ingestion.process` job: runs extraction, analysis and chunking in the worker pool, then in
 * one transaction stores the chunks and marks the document `processed` (or `failed` with a reason).
 * Embedding starts as soon as the worker reports the chunks' texts, while it still detects their
 * languages. Idempotent: a document no longer `processing` is skipped, so redelivered jobs do nothing.
 */
export function processDocumentJob(deps: IngestionDeps, pool: ProcessingPool): JobHandler {
  return async (job: Job, ctx: JobContext) => {
    const payload = job.payload as ProcessPayload;
    const tenantId = payload.tenant_id;
    const document = await deps.sql.withTenant(tenantId, (tx) => getDocument(tx, payload.document_id));
    if (document?.status !== "processing") return { skipped: true };
    const startedAt = new Date();
    await emit(deps, document, "processing.started", { document_id: document.id, attempt: job.attempts });
    publishProgress(deps, document, "extracting");

    if (document.duplicate_of) {
      const copied = await finishAsDuplicate(deps, document, startedAt, ctx.signal);
      if (copied) return { duplicate_of: document.duplicate_of };
    }
    const quotas = await tenantQuotasOf(deps.sql, tenantId);
    let early: EarlyEmbedding | undefined;
    const { indexer } = deps;
    const output = await runInPool(
      deps,
      pool,
      document,
      job,
      ctx,
      quotas.pii_policy ?? deps.config.piiPolicy,
      (progress) => {
        publishProgress(deps, document, "indexing", { chunk_count: progress.chunkTexts.length });
        if (indexer) early ??= embedEarly(indexer, tenantId, progress.chunkTexts, ctx.signal);
      },
    );
    if (!output.ok) {
      await failDocument(deps, document, output.message, output.reason, payload.session_id);
      return { failed: output.reason };
    }
    const chunkIds = output.chunks.map(() => uuidv7());
    const index = await prepareIndex(deps, document, output, chunkIds, ctx.signal, early).catch(
      async (error) => {
        // Embedding providers fail transiently (rate limits, restarts): retry the job, and fail the
        // document with the provider's reason only on the last attempt.
        if (job.attempts < job.maxAttempts) throw error;
        const message = `Embedding failed: ${(error as Error).message}`;
        await failDocument(deps, document, message, "embedding_failed", payload.session_id);
        return "failed" as const;
      },
    );
    if (index === "failed") return { failed: "embedding_failed" };
    publishProgress(deps, document, "storing", { chunk_count: output.chunks.length });
    const processingTimeMs = Date.now() - startedAt.getTime();
    await deps.sql.withTenant(tenantId, async (tx) => {
      await replaceChunks(
        tx,
        { id: document.id, tenantId, spaceId: document.space_id },
        output.chunks,
        output.strategy,
        chunkIds,
      );
      await index?.commit(tx);
      await transitionDocumentStatus(tx, document.id, "processed", {
        language: output.language,
        languageConfidence: output.languageConfidence,
        piiSummary: { ...output.pii, redacted: output.redacted },
        sensitivityLevel: output.sensitivityLevel as never,
        complianceFlags: [...output.complianceFlags],
        classification: output.classification as never,
        schemaInfo: output.schemaInfo as Record<string, unknown> | null,
        pageCount: output.pageCount,
        chunkCount: output.chunks.length,
        processingTimeMs,
        error: output.warnings.length > 0 ? `Warnings: ${output.warnings.join("; ")}` : null,
        processingStartedAt: startedAt,
        processedAt: new Date(),
      });
      const metadata = { tenant_id: tenantId, space_id: document.space_id };
      await appendEvent(tx, {
        type: "document.chunked",
        source: eventSource,
        data: { document_id: document.id, chunk_count: output.chunks.length, strategy: output.strategy },
        metadata,
      });
      const result = {
        document_id: document.id,
        chunk_count: output.chunks.length,
        processing_time_ms: processingTimeMs,
        language: output.language,
        pii_detected: output.pii.pii_detected,
        sensitivity_level: output.sensitivityLevel,
      };
      await appendEvent(tx, { type: "processing.completed", source: eventSource, data: result, metadata });
      await appendEvent(tx, { type: "document.processed", source: eventSource, data: result, metadata });
      if (payload.session_id)
        await recordSessionOutcome(tx, payload.session_id, document.id, "processed", null);
    });
    deps.events.notify();
    publish(deps, document, "processed", { chunk_count: output.chunks.length });
    return { chunks: output.chunks.length };
  };
}

/** Chunk texts being embedded while the worker finishes; never rejects (the outcome is kept). */
type EarlyEmbedding = Promise<{ embedded: ChunkEmbeddings } | { error: unknown }>;

function embedEarly(
  indexer: DocumentIndexer,
  tenantId: string,
  texts: readonly string[],
  signal: AbortSignal,
): EarlyEmbedding {
  return indexer.embed(tenantId, texts, signal).then(
    (embedded) => ({ embedded }),
    (error: unknown) => ({ error }),
  );
}

/** Embeds the chunks for retrieval before the transaction that stores them (null without retrieval). */
async function prepareIndex(
  deps: IngestionDeps,
  document: DocumentRow,
  output: Extract<ProcessFileOutput, { ok: true }>,
  chunkIds: readonly string[],
  signal: AbortSignal,
  early: EarlyEmbedding | undefined,
): Promise<PreparedIndex | null> {
  if (!deps.indexer) return null;
  const embedding = await early;
  if (embedding && "error" in embedding) throw embedding.error;
  const chunks = output.chunks.map((chunk, i) => ({
    id: chunkIds[i] ?? "",
    index: chunk.index,
    content: chunk.content,
    page: chunk.metadata.page ?? null,
    headingPath: chunk.metadata.heading_path ?? [],
    language: chunk.language,
    startOffset: chunk.start_offset,
    endOffset: chunk.end_offset,
  }));
  // Texts other than the ones embedded early (there are none in practice) are embedded again.
  return deps.indexer.prepare(indexableDocument(document, output), chunks, signal, embedding?.embedded);
}

function indexableDocument(
  document: DocumentRow,
  output: Extract<ProcessFileOutput, { ok: true }>,
): IndexableDocument {
  return {
    tenantId: document.tenant_id,
    spaceId: document.space_id,
    notebookId: document.notebook_id,
    documentId: document.id,
    name: document.name,
    title: documentTitleOf(output.chunks, output.schemaInfo),
    tags: document.tags,
    sensitivity: output.sensitivityLevel,
    language: output.language,
  };
}

async function runInPool(
  deps: IngestionDeps,
  pool: ProcessingPool,
  document: DocumentRow,
  job: Job,
  ctx: JobContext,
  piiPolicy: "detect" | "redact" | "block",
  onProgress: ((progress: ProcessFileProgress) => void) | undefined,
): Promise<ProcessFileOutput> {
  const dir = await mkdtemp(path.join(tmpdir(), "tributary-process-"));
  const file = path.join(dir, "source");
  try {
    const object = await deps.objects.get(document.storage_key);
    await pipeline(object.body, createWriteStream(file));
    const { config } = deps;
    return await pool.run(
      {
        path: file,
        format: document.format,
        fileName: document.original_name,
        limits: { ...defaultExtractionLimits, maxLineChars: config.maxLineChars, ocr: config.ocr },
        piiPolicy,
        chunking: {
          strategy: config.chunking.strategy,
          maxChunkSize: config.chunking.maxChunkSize,
          overlapSize: config.chunking.overlapSize,
          maxChunks: config.chunking.maxChunksPerFile,
        },
      },
      { timeoutMs: config.jobTimeoutMs, signal: ctx.signal, ...(onProgress ? { onProgress } : {}) },
    );
  } catch (error) {
    if (error instanceof WorkerTaskError) {
      // Out of memory and over time are properties of the file: retrying would only repeat them.
      if (error.reason === "out_of_memory" || error.reason === "timeout") {
        return { ok: false, reason: error.reason, message: error.message };
      }
      if (error.reason === "crashed" && job.attempts >= job.maxAttempts) {
        return { ok: false, reason: "crashed", message: `Processing failed repeatedly: ${error.message}` };
      }
    }
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
