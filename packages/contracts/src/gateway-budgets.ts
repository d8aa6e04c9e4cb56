import { z } from "zod";

export const budgetScopes = ["tenant", "space", "user", "api_key"] as const;
export const budgetScopeSchema = z.enum(budgetScopes);

export const budgetPeriods = ["day", "month"] as const;
export const budgetPeriodSchema = z.enum(budgetPeriods);

export const budgetModes = ["hard", "soft"] as const;
export const budgetModeSchema = z.enum(budgetModes);

const limitUsd = z
  .number()
  .min(0)
  .max(1_000_000)
  .describe("USD per UTC day or calendar month (UTC); 0 with `hard` stops every paid call");
const alertThreshold = z
  .number()
  .gt(0)
  .max(1)
  .describe("Fraction of the limit at which one `gateway.budget_alert` event is raised per period");

export const budgetSpendSchema = z.object({
  spent_usd: z.number().describe("USD of the recorded calls of the budget's scope within the period"),
  period_start: z.string().describe("UTC start of the current day or month, ISO 8601"),
  period_end: z.string().describe("UTC end of the current day or month (exclusive), ISO 8601"),
  remaining_usd: z.number().describe("`limit_usd` minus `spent_usd`, never below 0"),
});

export const budgetSchema = z
  .object({
    id: z.uuid(),
    tenant_id: z.string(),
    scope: budgetScopeSchema,
    scope_id: z.string().describe("The tenant, space, user or API key id the budget caps"),
    period: budgetPeriodSchema,
    limit_usd: z.number(),
    mode: budgetModeSchema.describe("`hard` refuses calls that would pass the limit; `soft` only alerts"),
    alert_threshold: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
    spend: budgetSpendSchema.describe(
      "What the budget has spent in its current UTC day or month, summed from the recorded usage when this " +
        "response was made. Calls still in the usage recorder's buffer (written every few seconds) and calls " +
        "in flight are not counted yet, so the gateway may refuse a call a little before this shows the limit.",
    ),
  })
  .meta({ id: "GatewayBudget" });

export const createBudgetRequestSchema = z
  .object({
    scope: budgetScopeSchema,
    scope_id: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe(
        "Required for `user` (user id) and `api_key` (key id); for `space` the X-Space-ID space by default; " +
          "ignored for `tenant` (the space's tenant)",
      ),
    period: budgetPeriodSchema,
    limit_usd: limitUsd,
    mode: budgetModeSchema.default("hard"),
    alert_threshold: alertThreshold.default(0.8),
  })
  .strict()
  .meta({ id: "CreateGatewayBudgetRequest" });

export const updateBudgetRequestSchema = z
  .object({
    limit_usd: limitUsd.optional(),
    mode: budgetModeSchema.optional(),
    alert_threshold: alertThreshold.optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "send at least one field to change")
  .meta({ id: "UpdateGatewayBudgetRequest" });

export const budgetIdParamsSchema = z.object({ id: z.uuid() }).strict();

export const budgetListSchema = z.object({ data: z.array(budgetSchema) }).meta({ id: "GatewayBudgetList" });

/** The payload of `gateway.budget_alert`, raised once per budget, period and threshold. */
export const budgetAlertEventDataSchema = z
  .object({
    budget_id: z.string().describe("A budget's id, or `api_key:<id>:<period>` for a key's own budget"),
    scope: budgetScopeSchema,
    scope_id: z.string(),
    period: budgetPeriodSchema,
    period_start: z.string().describe("UTC start of the day or month, ISO 8601"),
    mode: budgetModeSchema,
    limit_usd: z.number(),
    spent_usd: z.number().describe("Spent plus reserved by calls in flight when the threshold was crossed"),
    threshold: z.number().describe("The fraction crossed: the budget's alert_threshold, or 1"),
  })
  .meta({ id: "GatewayBudgetAlert" });

export type BudgetScope = z.infer<typeof budgetScopeSchema>;
export type BudgetPeriod = z.infer<typeof budgetPeriodSchema>;
export type BudgetMode = z.infer<typeof budgetModeSchema>;
export type Budget = z.infer<typeof budgetSchema>;
export type BudgetSpend = z.infer<typeof budgetSpendSchema>;
export type CreateBudgetRequest = z.infer<typeof createBudgetRequestSchema>;
export type UpdateBudgetRequest = z.infer<typeof updateBudgetRequestSchema>;
export type BudgetAlertEventData = z.infer<typeof budgetAlertEventDataSchema>;
