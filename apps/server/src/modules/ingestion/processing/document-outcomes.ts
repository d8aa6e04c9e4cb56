import { appendEvent } from "../../../platform/events/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { type DocumentRow, transitionDocumentStatus } from "../../content/index.js";
import { eventSource, type IngestionDeps } from "../ingestion-deps.js";
import { recordSessionOutcome } from "../sessions/record-session-outcome.js";

/** Marks the document `failed` with a readable reason, records the session outcome and tells listeners. */
export async function failDocument(
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

export async function emit(
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

export function publish(
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

/** The steps of processing a document, in order, as `document.progress` reports them. */
export const processingSteps = ["extracting", "indexing", "storing"] as const;
export type ProcessingStep = (typeof processingSteps)[number];

/**
 * Tells open event streams which step a processing document is at: extracting (text, personal
 * data, classification, chunks), indexing (its chunks are known and being embedded and
 * analysed), storing (chunks and vectors written). On this node only, like every live update;
 * the status that ends processing reaches other nodes' streams through their catch-up.
 */
export function publishProgress(
  deps: IngestionDeps,
  document: DocumentRow,
  step: ProcessingStep,
  extra: { readonly chunk_count?: number } = {},
): void {
  deps.live.publish({
    type: "document.progress",
    tenantId: document.tenant_id,
    spaceId: document.space_id,
    data: {
      document_id: document.id,
      notebook_id: document.notebook_id,
      step,
      step_number: processingSteps.indexOf(step) + 1,
      steps: processingSteps.length,
      ...extra,
    },
  });
}
