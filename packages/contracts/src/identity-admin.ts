import { z } from "zod";
import { passwordSchema } from "./identity.js";
import { pageQuerySchema } from "./pagination.js";

// --- Platform administration: users -------------------------------------------------------------

export const adminUserStatusSchema = z.enum(["active", "inactive", "suspended"]);

export const adminUserListQuerySchema = pageQuerySchema
  .extend({
    status: adminUserStatusSchema.optional(),
    email: z.string().trim().min(1).max(254).optional().describe("Case-insensitive substring of the email"),
  })
  .strict();

export const adminUserIdParamsSchema = z.object({ id: z.uuid() }).strict();

// --- Platform administration: tenants, plans and quotas ----------------------------------------

export const tenantPlanSchema = z.enum(["free", "pro", "enterprise"]);

const quota = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * A tenant's limits: the AudiModal tenant quota fields plus the space tiers' document, notebook
 * and processing quotas. Every value is an integer ≥ 0, and 0 means unlimited.
 */
export const tenantQuotasSchema = z
  .object({
    files_per_hour: quota,
    storage_gb: quota,
    compute_hours: quota.describe("Per billing period"),
    api_requests_per_minute: quota,
    max_concurrent_jobs: quota,
    max_file_size: quota.describe("Bytes"),
    max_chunks_per_file: quota,
    vector_storage_gb: quota,
    document_quota: quota,
    notebook_quota: quota,
    monthly_processing_minutes: quota,
  })
  .strict()
  .meta({ id: "TenantQuotas" });

export const adminTenantSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["personal", "organization"]),
    name: z.string(),
    owner_user_id: z.string().nullable(),
    plan: tenantPlanSchema,
    status: z.enum(["active", "suspended", "deleted"]),
    quotas: tenantQuotasSchema.describe("Effective quotas: the plan's defaults with any overrides"),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "AdminTenant" });

export const adminTenantListQuerySchema = pageQuerySchema
  .extend({ plan: tenantPlanSchema.optional(), kind: z.enum(["personal", "organization"]).optional() })
  .strict();

export const adminTenantIdParamsSchema = z
  .object({ tenant_id: z.string().regex(/^tenant_[0-9]{1,40}$/, "must be a tenant id") })
  .strict();

export const updateTenantRequestSchema = z
  .object({
    plan: tenantPlanSchema.optional().describe("Changing the plan resets quotas to its defaults"),
    quotas: tenantQuotasSchema.partial().strict().optional().describe("Overrides applied after the plan"),
  })
  .strict()
  .refine((body) => body.plan !== undefined || body.quotas !== undefined, "send plan, quotas or both")
  .meta({ id: "UpdateTenantRequest" });

// --- Account email: verification and password reset (needs SMTP_URL) ---------------------------

const emailToken = z.string().min(16).max(256);

export const verifyEmailRequestSchema = z
  .object({ token: emailToken })
  .strict()
  .meta({ id: "VerifyEmailRequest" });

export const passwordResetRequestSchema = z
  .object({ email: z.string().trim().min(3).max(254) })
  .strict()
  .meta({ id: "PasswordResetRequest" });

export const passwordResetConfirmSchema = z
  .object({ token: emailToken, password: passwordSchema })
  .strict()
  .meta({ id: "PasswordResetConfirm" });

export const emailAcceptedSchema = z.object({ status: z.literal("accepted") }).meta({ id: "EmailAccepted" });

export type TenantPlan = z.infer<typeof tenantPlanSchema>;
export type TenantQuotas = z.infer<typeof tenantQuotasSchema>;
export type AdminTenant = z.infer<typeof adminTenantSchema>;
export type UpdateTenantRequest = z.infer<typeof updateTenantRequestSchema>;
