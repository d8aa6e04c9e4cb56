import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { recordChange } from "./record-change.js";
import { loadSpaceAccess, spaceResource, withSpaceTenant } from "./space-access.js";

/**
 * Soft-deletes a space (owner only): it leaves every list and answers 404, and is kept for the
 * retention period. Its content is the content module's to clean up, on `space.deleted`.
 */
export async function deleteSpace(
  context: IdentityContext,
  principal: Principal,
  spaceId: string,
): Promise<void> {
  await withSpaceTenant(context, spaceId, async (tx) => {
    const access = await loadSpaceAccess(tx, principal, spaceId, { lock: true });
    authorize(principal, "space.delete", spaceResource(access));
    if (access.space.space_type === "personal") {
      throw new AppError("UNPROCESSABLE", "A personal space cannot be deleted", {
        details: { reason: "personal_space" },
      });
    }
    const [main] = await tx.query("SELECT 1 FROM organizations WHERE space_id = $1", [spaceId]);
    if (main) {
      throw new AppError(
        "UNPROCESSABLE",
        "This is its organization's own space: delete the organization instead",
        {
          details: { reason: "organization_space" },
        },
      );
    }
    await tx.query(
      "UPDATE spaces SET status = 'deleted', deleted_at = now(), updated_at = now() WHERE id = $1",
      [spaceId],
    );
    await recordChange(tx, {
      action: "space.deleted",
      tenantId: access.space.tenant_id,
      spaceId,
      actorUserId: principal.userId,
      targetType: "space",
      targetId: spaceId,
      data: { space_id: spaceId, tenant_id: access.space.tenant_id },
    });
  });
  context.notifyEvents();
  context.accessChanges.announce({ kind: "space", spaceId });
}
