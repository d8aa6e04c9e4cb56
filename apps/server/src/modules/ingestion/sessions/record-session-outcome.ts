import type { SqlTx } from "../../../platform/sql/index.js";

/**
 * Records one file's outcome and recomputes the session's counters and status in the same
 * transaction: `completed` when every file processed, `failed` when none did,
 * `completed_with_errors` otherwise (spec outcome set); `cancelled` sessions stay cancelled.
 */
export async function recordSessionOutcome(
  tx: SqlTx,
  sessionId: string,
  documentId: string,
  outcome: "processed" | "failed",
  error: string | null,
): Promise<void> {
  await tx.query(
    "UPDATE processing_session_documents SET outcome = $3, error = $4 WHERE session_id = $1 AND document_id = $2",
    [sessionId, documentId, outcome, error],
  );
  await tx.query(
    `UPDATE processing_sessions s SET
       processed_files = c.processed, failed_files = c.failed, updated_at = now(),
       status = CASE
         WHEN s.status = 'cancelled' THEN 'cancelled'
         WHEN c.pending > 0 THEN 'running'
         WHEN c.failed = 0 THEN 'completed'
         WHEN c.processed = 0 THEN 'failed'
         ELSE 'completed_with_errors' END,
       completed_at = CASE WHEN c.pending = 0 AND s.status <> 'cancelled' THEN now() ELSE s.completed_at END
     FROM (SELECT count(*) FILTER (WHERE outcome = 'processed') AS processed,
                  count(*) FILTER (WHERE outcome IN ('failed', 'rejected')) AS failed,
                  count(*) FILTER (WHERE outcome = 'pending') AS pending
           FROM processing_session_documents WHERE session_id = $1) c
     WHERE s.id = $1`,
    [sessionId],
  );
}
