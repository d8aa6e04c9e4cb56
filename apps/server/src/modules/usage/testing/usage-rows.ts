import type { Sql } from "../../../platform/sql/index.js";
import { waitFor } from "../../../testing/wait-for.js";

/** A stored usage record as tests check it (cost as a number; the column is numeric). */
export interface StoredUsage {
  readonly id: string;
  readonly tenant_id: string;
  readonly user_id: string;
  readonly api_key_id: string | null;
  readonly endpoint: string;
  readonly model: string;
  readonly provider: string;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cost_usd: number;
  readonly estimated: boolean;
  readonly status: "success" | "error" | "cancelled";
  readonly http_status: number;
  readonly error_code: string | null;
  readonly cache_hit: boolean;
  readonly stream: boolean;
}

/** Test-only: a tenant's usage records, oldest first, read as that tenant (RLS applies). */
export async function usageRowsOf(sql: Sql, tenantId: string): Promise<StoredUsage[]> {
  const rows = await sql.withTenant(tenantId, (tx) =>
    tx.query<Omit<StoredUsage, "cost_usd"> & { cost_usd: string }>(
      `SELECT id, tenant_id, user_id, api_key_id, endpoint, model, provider, input_tokens, output_tokens,
              cost_usd::text AS cost_usd, estimated, status, http_status, error_code, cache_hit, stream
       FROM usage_records WHERE tenant_id = $1 ORDER BY created_at, id`,
      [tenantId],
    ),
  );
  return rows.map((row) => ({ ...row, cost_usd: Number(row.cost_usd) }));
}

/** Test-only: waits until the tenant has at least `count` usage records (they are written in batches). */
export async function waitForUsageRows(sql: Sql, tenantId: string, count: number): Promise<StoredUsage[]> {
  return waitFor(`${count} usage records of ${tenantId}`, async () => {
    const rows = await usageRowsOf(sql, tenantId);
    return rows.length >= count ? rows : undefined;
  });
}
