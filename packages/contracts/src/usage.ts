import { z } from "zod";

/** How `GET /api/v1/usage` may group its numbers. */
export const usageGroupBys = ["model", "api_key", "user", "space", "provider"] as const;
export const usageGroupBySchema = z.enum(usageGroupBys);

export const usageGranularities = ["hour", "day"] as const;
export const usageGranularitySchema = z.enum(usageGranularities);

export const usageStatuses = ["success", "error", "cancelled"] as const;
export const usageStatusSchema = z.enum(usageStatuses);

const isoDateTime = z.iso.datetime({ offset: true });

export const usageQuerySchema = z
  .object({
    from: isoDateTime.optional().describe("Start of the range, inclusive; 24 hours before `to` by default"),
    to: isoDateTime.optional().describe("End of the range, exclusive; now by default"),
    granularity: usageGranularitySchema
      .optional()
      .describe(
        "Bucket size of the series (UTC): `hour` by default for ranges up to 2 days, else `day`. " +
          "`hour` covers at most 31 days, `day` at most 366",
      ),
    group_by: usageGroupBySchema.optional().describe("Splits the series and adds per-group totals"),
    model: z.string().min(1).max(200).optional(),
    api_key_id: z.uuid().optional(),
    user_id: z.uuid().optional().describe("Members who are not owners or admins may only name themselves"),
    space_id: z.string().min(1).max(128).optional(),
    status: usageStatusSchema.optional(),
  })
  .strict();

export const usageCountersSchema = z.object({
  requests: z.number().int(),
  input_tokens: z.number().int().describe("Every prompt token, cached and cache writes included"),
  cached_input_tokens: z.number().int(),
  cache_write_tokens: z.number().int(),
  output_tokens: z.number().int().describe("Every generated token, reasoning included"),
  reasoning_tokens: z.number().int(),
  cost_usd: z.number(),
  errors: z.number().int().describe("Calls whose status is not `success`"),
  cache_hits: z.number().int().describe("Calls answered from the gateway's response cache"),
});

export const usageSeriesPointSchema = usageCountersSchema
  .extend({
    bucket_start: z.string().describe("UTC start of the hour or day, ISO 8601"),
    group: z
      .string()
      .nullable()
      .optional()
      .describe("The group's value when `group_by` is set (null: calls without one, e.g. no API key)"),
  })
  .meta({ id: "UsageSeriesPoint" });

export const usageGroupSchema = usageCountersSchema
  .extend({
    group: z.string().nullable(),
    label: z
      .string()
      .nullable()
      .optional()
      .describe(
        "For api_key, user and space groups: the key's name and prefix, the user's name, the space's name " +
          "(null when it no longer exists)",
      ),
  })
  .meta({ id: "UsageGroup" });

export const usageResponseSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    granularity: usageGranularitySchema,
    group_by: usageGroupBySchema.nullable(),
    totals: usageCountersSchema,
    series: z
      .array(usageSeriesPointSchema)
      .describe("Buckets in time order (then by group); buckets without calls are left out"),
    groups: z.array(usageGroupSchema).optional().describe("Totals per group, costliest first"),
  })
  .meta({ id: "UsageResponse" });

export type UsageGroupBy = z.infer<typeof usageGroupBySchema>;
export type UsageGranularity = z.infer<typeof usageGranularitySchema>;
export type UsageStatus = z.infer<typeof usageStatusSchema>;
export type UsageQuery = z.infer<typeof usageQuerySchema>;
export type UsageCounters = z.infer<typeof usageCountersSchema>;
export type UsageSeriesPoint = z.infer<typeof usageSeriesPointSchema>;
export type UsageGroup = z.infer<typeof usageGroupSchema>;
export type UsageResponse = z.infer<typeof usageResponseSchema>;
