import type { NotebookVisibility } from "@tributary/contracts";
import type { SqlTx } from "../../../platform/sql/index.js";

export interface UploadNotebook {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly ownerId: string;
  readonly visibility: NotebookVisibility;
}

/**
 * The notebook an upload targets: live, active and in `spaceId` (tas-platform-flows §4.1), or
 * null. Whether the caller may add to it is `requireMayAddDocuments`.
 */
export async function findNotebookForUpload(
  tx: SqlTx,
  target: { spaceId: string; notebookId: string },
): Promise<UploadNotebook | null> {
  const [row] = await tx.query<{
    id: string;
    tenant_id: string;
    space_id: string;
    owner_id: string;
    visibility: NotebookVisibility;
  }>(
    `SELECT id, tenant_id, space_id, owner_id, visibility FROM notebooks
     WHERE id = $1 AND space_id = $2 AND status = 'active' AND deleted_at IS NULL`,
    [target.notebookId, target.spaceId],
  );
  if (!row) return null;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    spaceId: row.space_id,
    ownerId: row.owner_id,
    visibility: row.visibility,
  };
}
