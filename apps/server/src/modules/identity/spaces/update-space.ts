import type { Space } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { recordChange } from "./record-change.js";
import { loadSpaceAccess, spaceResource, withSpaceTenant } from "./space-access.js";
import { type SpaceRow, spaceColumns, toSpace } from "./space-row.js";

export interface SpaceChanges {
  name?: string | undefined;
  description?: string | undefined;
  visibility?: Space["visibility"] | undefined;
  settings?: Record<string, unknown> | undefined;
}

/** Name, description, visibility and settings; owners and admins only (§3.5). */
export async function updateSpace(
  context: IdentityContext,
  principal: Principal,
  spaceId: string,
  changes: SpaceChanges,
): Promise<Space> {
  const result = await withSpaceTenant(context, spaceId, async (tx) => {
    const access = await loadSpaceAccess(tx, principal, spaceId, { lock: true });
    authorize(principal, "space.update", spaceResource(access));
    const [row] = await tx.query<SpaceRow>(
      `UPDATE spaces AS s SET name = COALESCE($2, name), description = COALESCE($3, description),
         visibility = COALESCE($4, visibility), settings = COALESCE($5::jsonb, settings), updated_at = now()
       WHERE id = $1 RETURNING ${spaceColumns}`,
      [
        spaceId,
        changes.name ?? null,
        changes.description ?? null,
        changes.visibility ?? null,
        changes.settings === undefined ? null : JSON.stringify(changes.settings),
      ],
    );
    if (!row) throw new Error("space disappeared while updating");
    await recordChange(tx, {
      action: "space.updated",
      tenantId: row.tenant_id,
      spaceId,
      actorUserId: principal.userId,
      targetType: "space",
      targetId: spaceId,
      data: { space_id: spaceId, fields: Object.keys(changes) },
    });
    return toSpace(row, access.role ?? "viewer", principal.userId);
  });
  context.notifyEvents();
  return result;
}
