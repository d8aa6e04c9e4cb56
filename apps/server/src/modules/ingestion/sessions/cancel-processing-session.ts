import type { ProcessingSession } from "@tributary/contracts";
import type { ContentCaller } from "../../content/index.js";
import { requireContentAccess } from "../../content/index.js";
import type { IngestionDeps } from "../ingestion-deps.js";
import { getProcessingSession } from "./get-processing-session.js";

/** Cancels a running session: its files still pending are marked cancelled; finished ones stay. */
export async function cancelProcessingSession(
  deps: IngestionDeps,
  caller: ContentCaller,
  id: string,
): Promise<ProcessingSession> {
  requireContentAccess(caller, "write");
  await getProcessingSession(deps, caller, id);
  await deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    await tx.query(
      "UPDATE processing_session_documents SET outcome = 'cancelled' WHERE session_id = $1 AND outcome = 'pending'",
      [id],
    );
    await tx.query(
      `UPDATE processing_sessions SET status = 'cancelled', updated_at = now(), completed_at = now()
       WHERE id = $1 AND status IN ('pending', 'running')`,
      [id],
    );
  });
  return getProcessingSession(deps, caller, id);
}
