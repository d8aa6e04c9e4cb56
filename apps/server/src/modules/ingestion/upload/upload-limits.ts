import type { IngestionConfig } from "../../../config/index.js";
import type { TenantQuotas } from "../../identity/index.js";

/**
 * A tenant's quota, or the platform default when it is absent or 0. 0 is "not set" (spec G2): an
 * enterprise plan stores 0 for "no plan limit", which must not turn into "nothing is allowed".
 */
function quotaOr(value: number | undefined, platformDefault: number): number {
  return value !== undefined && value > 0 ? value : platformDefault;
}

/** The largest file the tenant may upload, in bytes. */
export function maxFileSizeOf(quotas: TenantQuotas, config: IngestionConfig): number {
  return quotaOr(quotas.max_file_size, config.maxFileSizeBytes);
}

/** The bytes the tenant may store in all. */
export function storageQuotaOf(quotas: TenantQuotas, config: IngestionConfig): number {
  return quotaOr(quotas.storage_quota_bytes, config.storageQuotaBytes);
}
