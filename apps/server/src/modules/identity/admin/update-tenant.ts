import type { AdminTenant, UpdateTenantRequest } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import { recordAudit } from "../audit.js";
import type { IdentityContext } from "../identity-context.js";
import { effectiveQuotas, planQuotas } from "./plan-quotas.js";
import { requirePlatformAdmin } from "./require-admin.js";
import { type TenantRow, tenantColumns, toAdminTenant } from "./tenant-row.js";

/**
 * Changes a tenant's plan and/or quotas. A new plan starts from that plan's defaults; quota
 * fields sent alongside (or alone) override them. The stored quotas are the full effective set,
 * so later changes to a plan's defaults do not silently move an admin's explicit choices.
 */
export async function updateTenant(
  context: IdentityContext,
  caller: Principal | null,
  tenantId: string,
  change: UpdateTenantRequest,
  ip: string | null,
): Promise<AdminTenant> {
  const admin = requirePlatformAdmin(caller);
  const row = await context.sql.withSystem(async (tx) => {
    const [current] = await tx.query<TenantRow>(
      `SELECT ${tenantColumns} FROM tenants WHERE id = $1 FOR UPDATE`,
      [tenantId],
    );
    if (!current) throw new AppError("NOT_FOUND", `Tenant ${tenantId} not found`);
    const before = effectiveQuotas(current.plan, current.quotas);
    const plan = change.plan ?? current.plan;
    const base = change.plan !== undefined && change.plan !== current.plan ? planQuotas(plan) : before;
    const after = { ...base, ...definedOnly(change.quotas ?? {}) };
    const [updated] = await tx.query<TenantRow>(
      `UPDATE tenants SET plan = $2, quotas = $3::jsonb, updated_at = now() WHERE id = $1 RETURNING ${tenantColumns}`,
      [tenantId, plan, JSON.stringify(after)],
    );
    if (!updated) throw new Error("tenant disappeared while updating");
    const details = { plan: { from: current.plan, to: plan }, quotas: { from: before, to: after } };
    await recordAudit(tx, {
      action: "tenant.quotas_changed",
      tenantId,
      actorUserId: admin.userId,
      targetType: "tenant",
      targetId: tenantId,
      ip,
      details,
    });
    await appendEvent(tx, {
      type: "tenant.quotas_changed",
      source: "identity",
      data: { tenant_id: tenantId, by_user_id: admin.userId, ...details },
      metadata: { tenant_id: tenantId, user_id: admin.userId },
    });
    return updated;
  });
  context.notifyEvents();
  return toAdminTenant(row);
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
