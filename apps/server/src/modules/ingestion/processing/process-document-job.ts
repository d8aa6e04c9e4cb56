import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { appendEvent } from "../../../platform/events/index.js";
import type { Job, JobContext, JobHandler } from "../../../platform/jobs/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { type DocumentRow, getDocument, transitionDocumentStatus } from "../../content/index.js";
import { tenantQuotasOf } from "../../identity/index.js";
import { copyChunks, replaceChunks } from "../chunks/replace-chunks.js";
import { defaultExtractionLimits } from "../extraction/types.js";
import { eventSource, type IngestionDeps } from "../ingestion-deps.js";
import { recordSessionOutcome } from "../sessions/record-session-outcome.js";
import type { ProcessFileInput, ProcessFileOutput } from "./process-file.js";
import { type WorkerPool, WorkerTaskError } from "./worker-pool.js";

interface ProcessPayload {
  readonly document_id: string;
  readonly tenant_id: string;
  readonly session_id: string | null;
}

/**
 * The `ingestion.process` job: runs extraction, analysis and chunking in the worker pool, then in
 * one transaction stores the chunks and marks the document `processed` (or `failed` with a reason).
 * Idempotent: a document no longer `processing` is skipped, so redelivered jobs do nothing.
 */
export function processDocumentJob(
  deps: IngestionDeps,
  pool: WorkerPool<ProcessFileInput, ProcessFileOutput>,
): JobHandler {
  return async (job: Job, ctx: JobContext) => {
    const payload = job.payload as ProcessPayload;
    const tenantId = payload.tenant_id;
    const document = await deps.sql.withTenant(tenantId, (tx) => getDocument(tx, payload.document_id));
    if (document?.status !== "processing") return { skipped: true };
    const startedAt = new Date();
    await emit(deps, document, "processing.started", { document_id: document.id, attempt: job.attempts });

    if (document.duplicate_of) {
      const copied = await finishAsDuplicate(deps, document, startedAt);
      if (copied) return { duplicate_of: document.duplicate_of };
    }
    const quotas = await tenantQuotasOf(deps.sql, tenantId);
    const output = await runInPool(
      deps,
      pool,
      document,
      job,
      ctx,
      quotas.pii_policy ?? deps.config.piiPolicy,
    );
    if (!output.ok) {
      await fail(deps, document, output.message, output.reason, payload.session_id);
      return { failed: output.reason };
    }
    const processingTimeMs = Date.now() - startedAt.getTime();
    await deps.sql.withTenant(tenantId, async (tx) => {
      await replaceChunks(
        tx,
        { id: document.id, tenantId, spaceId: document.space_id },
        output.chunks,
        output.strategy,
      );
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

async function runInPool(
  deps: IngestionDeps,
  pool: WorkerPool<ProcessFileInput, ProcessFileOutput>,
  document: DocumentRow,
  job: Job,
  ctx: JobContext,
  piiPolicy: "detect" | "redact" | "block",
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
        limits: { ...defaultExtractionLimits, ocr: config.ocr },
        piiPolicy,
        chunking: {
          strategy: config.chunking.strategy,
          maxChunkSize: config.chunking.maxChunkSize,
          overlapSize: config.chunking.overlapSize,
          maxChunks: config.chunking.maxChunksPerFile,
        },
      },
      { timeoutMs: config.jobTimeoutMs, signal: ctx.signal },
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

/** A byte-identical upload reuses the original's chunks and analysis instead of processing again. */
async function finishAsDuplicate(
  deps: IngestionDeps,
  document: DocumentRow,
  startedAt: Date,
): Promise<boolean> {
  const done = await deps.sql.withTenant(document.tenant_id, async (tx) => {
    const original = document.duplicate_of ? await getDocument(tx, document.duplicate_of) : null;
    if (original?.status !== "processed") return false;
    const count = await copyChunks(tx, original.id, { id: document.id, spaceId: document.space_id });
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

async function fail(
  deps: IngestionDeps,
  document: DocumentRow,
  message: string,
  reason: string,
  sessionId: string | null,
): Promise<void> {
  await deps.sql.withTenant(document.tenant_id, async (tx: SqlTx) => {
    await transitionDocumentStatus(tx, document.id, "failed", { error: message, processedAt: new Date() });
    await appendEvent(tx, {
      type: "processing.failed",
      source: eventSource,
      data: { document_id: document.id, reason, error: message },
      metadata: { tenant_id: document.tenant_id, space_id: document.space_id },
    });
    if (sessionId) await recordSessionOutcome(tx, sessionId, document.id, "failed", message);
  });
  deps.events.notify();
  publish(deps, document, "failed", { error: message });
}

async function emit(
  deps: IngestionDeps,
  document: DocumentRow,
  type: string,
  data: Record<string, string | number>,
) {
  await deps.sql.withTenant(document.tenant_id, (tx) =>
    appendEvent(tx, {
      type,
      source: eventSource,
      data,
      metadata: { tenant_id: document.tenant_id, space_id: document.space_id },
    }),
  );
  deps.events.notify();
}

function publish(
  deps: IngestionDeps,
  document: DocumentRow,
  status: string,
  extra: Record<string, unknown>,
): void {
  deps.live.publish({
    type: "document.status",
    tenantId: document.tenant_id,
    spaceId: document.space_id,
    data: { document_id: document.id, notebook_id: document.notebook_id, status, ...extra },
  });
}
