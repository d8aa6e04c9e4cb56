import type { Principal, SpaceContext } from "../../platform/auth/index.js";
import { AppError } from "../../platform/errors/index.js";
import type { Sql } from "../../platform/sql/index.js";

/**
 * The caller's role in a space. A space the caller is not a member of answers 404, so its
 * existence is not revealed; a key bound to another space likewise.
 */
export async function resolveSpace(sql: Sql, principal: Principal, spaceId: string): Promise<SpaceContext> {
  const notFound = new AppError("NOT_FOUND", `Space ${spaceId} not found`);
  if (principal.restrictedToSpaceId !== null && principal.restrictedToSpaceId !== spaceId) throw notFound;
  const [row] = await sql.withSystem((tx) =>
    tx.query<{ tenant_id: string; role: SpaceContext["role"] }>(
      `SELECT s.tenant_id, m.role FROM space_members m JOIN spaces s ON s.id = m.space_id
       WHERE m.space_id = $1 AND m.user_id = $2 AND s.deleted_at IS NULL`,
      [spaceId, principal.userId],
    ),
  );
  if (!row) throw notFound;
  return { spaceId, tenantId: row.tenant_id, role: row.role };
}
