import type { SqlTx } from "../../../platform/sql/index.js";
import { type DocumentRow, documentColumns } from "./document-row.js";

/** A document that is not deleted, in the transaction's tenant (RLS), or null. */
export async function getDocument(tx: SqlTx, id: string): Promise<DocumentRow | null> {
  const [row] = await tx.query<DocumentRow>(
    `SELECT ${documentColumns} FROM documents d WHERE d.id = $1 AND d.deleted_at IS NULL`,
    [id],
  );
  return row ?? null;
}

/**
 * The earliest live, not failed document of the tenant with this content (RLS confines the
 * lookup to the transaction's tenant), for `duplicate_of` on upload.
 */
export async function findDuplicateDocument(
  tx: SqlTx,
  query: { checksumSha256: string },
): Promise<{ id: string } | null> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT id FROM documents
     WHERE checksum_sha256 = $1 AND deleted_at IS NULL AND status <> 'failed'
     ORDER BY created_at, id LIMIT 1`,
    [query.checksumSha256],
  );
  return row ?? null;
}

/** Documents still uploading in a space, for the concurrent-upload limit (tas-platform-flows §4.1). */
export async function countUploadingDocuments(tx: SqlTx, spaceId: string): Promise<number> {
  const [row] = await tx.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM documents WHERE space_id = $1 AND status = 'uploading'",
    [spaceId],
  );
  return row?.count ?? 0;
}

/** Bytes held by the tenant's documents that are not deleted, for the storage quota. */
export async function spaceStorageBytes(tx: SqlTx, tenantId: string): Promise<number> {
  const [row] = await tx.query<{ bytes: number }>(
    "SELECT coalesce(sum(size_bytes), 0)::bigint AS bytes FROM documents WHERE tenant_id = $1 AND deleted_at IS NULL",
    [tenantId],
  );
  return row?.bytes ?? 0;
}
