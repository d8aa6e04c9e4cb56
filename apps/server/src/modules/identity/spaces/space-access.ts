import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { MemberChange, Resource, SpaceRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { tenantIdForSpace } from "../tenant-ids.js";
import { type SpaceRow, spaceColumns } from "./space-row.js";

export interface SpaceAccess {
  readonly space: SpaceRow;
  /** The caller's role; null when not a member (the space then answers 404). */
  readonly role: SpaceRole | null;
}

/**
 * Runs `work` in the tenant of a space named in a path. The tenant is derived from the space id
 * (the TAS id chain), so row-level security confines every statement to that one tenant.
 */
export function withSpaceTenant<T>(
  context: IdentityContext,
  spaceId: string,
  work: (tx: SqlTx) => Promise<T>,
): Promise<T> {
  return context.sql.withTenant(tenantIdForSpace(spaceId), work);
}

/**
 * The space and the caller's role in it, with resolveSpace's semantics: a deleted or unknown
 * space is 404. `lock` serializes membership changes (the last-owner rule needs it).
 */
export async function loadSpaceAccess(
  tx: SqlTx,
  principal: Principal,
  spaceId: string,
  options: { lock?: boolean } = {},
): Promise<SpaceAccess> {
  const [space] = await tx.query<SpaceRow>(
    `SELECT ${spaceColumns} FROM spaces s WHERE s.id = $1 AND s.deleted_at IS NULL${options.lock ? " FOR UPDATE" : ""}`,
    [spaceId],
  );
  if (!space) throw new AppError("NOT_FOUND", `Space ${spaceId} not found`);
  const [member] = await tx.query<{ role: SpaceRole }>(
    "SELECT role FROM space_members WHERE space_id = $1 AND user_id = $2",
    [spaceId, principal.userId],
  );
  return { space, role: member?.role ?? null };
}

export function spaceResource(access: SpaceAccess, change?: MemberChange<SpaceRole>): Resource {
  return {
    kind: "space",
    id: access.space.id,
    role: access.role,
    suspended: access.space.status === "suspended",
    ...(change ? { change } : {}),
  };
}
