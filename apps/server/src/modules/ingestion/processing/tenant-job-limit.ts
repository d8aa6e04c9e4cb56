import type { Sql } from "../../../platform/sql/index.js";
import { tenantQuotasOf } from "../../identity/index.js";

/**
 * A tenant's limit of processing jobs running at once: its `max_concurrent_jobs` quota. Absent or
 * 0 means "not set" (spec G2), so the queue's default (`JOBS_TENANT_CONCURRENCY`) applies.
 */
export async function tenantJobLimit(sql: Sql, tenantId: string): Promise<number | undefined> {
  const limit = (await tenantQuotasOf(sql, tenantId)).max_concurrent_jobs;
  return limit !== undefined && limit > 0 ? limit : undefined;
}
