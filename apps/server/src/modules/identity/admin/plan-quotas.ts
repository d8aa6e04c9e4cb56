import { type TenantPlan, type TenantQuotas, tenantQuotasSchema } from "@tributary/contracts";
import { assertNever } from "../../../platform/errors/index.js";

const gib = 1024 ** 3;
const mib = 1024 ** 2;

/**
 * Each plan's quotas. Storage, documents, notebooks and processing minutes are the space tiers of
 * the identity spec (§2.2); the upload cap runs 100 MB to 1 GB by tier. Enterprise is unlimited,
 * stored as 0 (0 means "no limit": checks must skip it, never compare against it).
 */
export function planQuotas(plan: TenantPlan): TenantQuotas {
  switch (plan) {
    case "free":
      return {
        files_per_hour: 100,
        storage_gb: 1,
        compute_hours: 10,
        api_requests_per_minute: 60,
        max_concurrent_jobs: 2,
        max_file_size: 100 * mib,
        max_chunks_per_file: 1_000,
        vector_storage_gb: 1,
        document_quota: 100,
        notebook_quota: 10,
        monthly_processing_minutes: 60,
      };
    case "pro":
      return {
        files_per_hour: 1_000,
        storage_gb: 100,
        compute_hours: 100,
        api_requests_per_minute: 600,
        max_concurrent_jobs: 10,
        max_file_size: gib,
        max_chunks_per_file: 10_000,
        vector_storage_gb: 10,
        document_quota: 10_000,
        notebook_quota: 1_000,
        monthly_processing_minutes: 1_000,
      };
    case "enterprise":
      return {
        files_per_hour: 0,
        storage_gb: 0,
        compute_hours: 0,
        api_requests_per_minute: 0,
        max_concurrent_jobs: 0,
        max_file_size: 0,
        max_chunks_per_file: 0,
        vector_storage_gb: 0,
        document_quota: 0,
        notebook_quota: 0,
        monthly_processing_minutes: 0,
      };
    default:
      return assertNever(plan);
  }
}

const overridesSchema = tenantQuotasSchema.partial();

/** The plan's quotas with the tenant's stored overrides; unreadable overrides are ignored. */
export function effectiveQuotas(plan: TenantPlan, stored: unknown): TenantQuotas {
  const overrides = overridesSchema.safeParse(stored);
  return { ...planQuotas(plan), ...(overrides.success ? overrides.data : {}) };
}
