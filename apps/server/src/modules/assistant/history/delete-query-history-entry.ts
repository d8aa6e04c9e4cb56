import { AppError } from "../../../platform/errors/index.js";
import { type ContentCaller, requireContentAccess } from "../../content/index.js";
import type { AssistantDeps } from "../deps.js";

/** Deletes one of the caller's own history entries; anyone else's is not found, whatever their role. */
export async function deleteQueryHistoryEntry(
  deps: AssistantDeps,
  caller: ContentCaller,
  id: string,
): Promise<void> {
  requireContentAccess(caller, "read");
  const deleted = await deps.sql.withTenant(caller.space.tenantId, (tx) =>
    tx.query(
      `DELETE FROM assistant_query_history
       WHERE id = $1::uuid AND tenant_id = $2 AND space_id = $3 AND user_id = $4::uuid RETURNING id`,
      [id, caller.space.tenantId, caller.space.spaceId, caller.principal.userId],
    ),
  );
  if (deleted.length === 0) throw new AppError("NOT_FOUND", `Query history entry ${id} not found`);
}
