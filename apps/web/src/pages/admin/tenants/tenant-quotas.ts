import type { TenantPlan, TenantQuotas, UpdateTenantRequest } from "@tributary/contracts";
import { optionalNumber } from "../form-numbers";

/** Every quota with what it counts; a Record, so a quota added to the contract must be labelled here. */
export const quotaLabels: Record<keyof TenantQuotas, string> = {
  files_per_hour: "Files per hour",
  storage_gb: "Storage (GB)",
  compute_hours: "Compute hours per period",
  api_requests_per_minute: "API requests per minute",
  max_concurrent_jobs: "Concurrent jobs",
  max_file_size: "Largest file (bytes)",
  max_chunks_per_file: "Chunks per file",
  vector_storage_gb: "Vector storage (GB)",
  document_quota: "Documents",
  notebook_quota: "Notebooks",
  monthly_processing_minutes: "Processing minutes per month",
};

export const quotaKeys = Object.keys(quotaLabels) as Array<keyof TenantQuotas>;
export const plans: readonly TenantPlan[] = ["free", "pro", "enterprise"];

export type QuotaDrafts = Record<keyof TenantQuotas, string>;

export function quotaDrafts(quotas: TenantQuotas): QuotaDrafts {
  return Object.fromEntries(quotaKeys.map((key) => [key, String(quotas[key])])) as QuotaDrafts;
}

/**
 * The PATCH for what was changed: the plan if another was chosen, and only the quotas whose value
 * changed (the plan's defaults apply first, then these overrides). Null when nothing changed.
 */
export function buildTenantUpdate(
  original: { plan: TenantPlan; quotas: TenantQuotas },
  plan: TenantPlan,
  drafts: QuotaDrafts,
): { ok: true; body: UpdateTenantRequest | null } | { ok: false; errors: Partial<QuotaDrafts> } {
  const errors: Partial<QuotaDrafts> = {};
  const quotas: Partial<TenantQuotas> = {};
  for (const key of quotaKeys) {
    const value = optionalNumber(drafts[key], { min: 0, integer: true });
    if (value === "invalid" || value === undefined) errors[key] = "A whole number, 0 for unlimited";
    else if (value !== original.quotas[key]) quotas[key] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const body: UpdateTenantRequest = {
    ...(plan !== original.plan ? { plan } : {}),
    ...(Object.keys(quotas).length > 0 ? { quotas } : {}),
  };
  return { ok: true, body: body.plan !== undefined || body.quotas !== undefined ? body : null };
}
