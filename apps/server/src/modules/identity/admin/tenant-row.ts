import type { AdminTenant } from "@tributary/contracts";
import { effectiveQuotas } from "./plan-quotas.js";

export interface TenantRow {
  id: string;
  kind: AdminTenant["kind"];
  name: string;
  owner_user_id: string | null;
  plan: AdminTenant["plan"];
  status: AdminTenant["status"];
  quotas: unknown;
  created_at: Date;
  updated_at: Date;
}

export const tenantColumns = "id, kind, name, owner_user_id, plan, status, quotas, created_at, updated_at";

export function toAdminTenant(row: TenantRow): AdminTenant {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    owner_user_id: row.owner_user_id,
    plan: row.plan,
    status: row.status,
    quotas: effectiveQuotas(row.plan, row.quotas),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
