import type { AdminInstance, UpdateInstanceRequest } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { requirePlatformAdmin } from "../admin/require-admin.js";
import { recordAudit } from "../audit.js";
import type { IdentityContext } from "../identity-context.js";
import { type InstanceRow, instanceColumns, toAdminInstance } from "./instance-row.js";

/**
 * Renames the instance. The first save also marks first-run setup as completed; later saves keep
 * that moment.
 */
export async function updateInstance(
  context: IdentityContext,
  caller: Principal | null,
  change: UpdateInstanceRequest,
  ip: string | null,
): Promise<AdminInstance> {
  const admin = requirePlatformAdmin(caller);
  const row = await context.sql.withSystem(async (tx) => {
    const [before] = await tx.query<{ name: string }>("SELECT name FROM instance_settings FOR UPDATE");
    const [updated] = await tx.query<InstanceRow>(
      `UPDATE instance_settings
       SET name = $1, setup_completed_at = coalesce(setup_completed_at, now()), updated_at = now()
       RETURNING ${instanceColumns}`,
      [change.name],
    );
    if (!before || !updated) throw new Error("instance_settings has no row: the migrations did not run");
    await recordAudit(tx, {
      action: "instance.updated",
      actorUserId: admin.userId,
      targetType: "instance",
      ip,
      details: { name: { from: before.name, to: updated.name } },
    });
    return updated;
  });
  return toAdminInstance(row);
}
