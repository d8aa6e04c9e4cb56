import type { Sql } from "../../platform/sql/index.js";

/** Per-tenant overrides of platform limits, kept in `tenants.quotas`; absent keys use the defaults. */
export interface TenantQuotas {
  readonly max_file_size?: number;
  readonly storage_quota_bytes?: number;
  readonly max_concurrent_jobs?: number;
  readonly pii_policy?: "detect" | "redact" | "block";
}

export async function tenantQuotasOf(sql: Sql, tenantId: string): Promise<TenantQuotas> {
  const [row] = await sql.withSystem((tx) =>
    tx.query<{ quotas: TenantQuotas | null }>("SELECT quotas FROM tenants WHERE id = $1", [tenantId]),
  );
  return row?.quotas ?? {};
}
