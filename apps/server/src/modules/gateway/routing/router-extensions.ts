import { z } from "zod";
import { GatewayError } from "../gateway-error.js";
import {
  allRetryable,
  type FallbackPolicy,
  noFallback,
  noRetry,
  type RetryableClass,
  type RetryPolicy,
} from "./retry-policy.js";

/** `"1s"`, `"500ms"`, `"1m"` or milliseconds as a number. */
const duration = z.union([
  z.number().int().min(0).max(600_000),
  z
    .string()
    .regex(/^\d+(\.\d+)?(ms|s|m)$/, 'a duration such as "500ms", "1s" or "1m"')
    .transform((text) => {
      const value = Number.parseFloat(text);
      if (text.endsWith("ms")) return Math.round(value);
      if (text.endsWith("m")) return Math.round(value * 60_000);
      return Math.round(value * 1000);
    }),
]);

export const requiredFeatureNames = [
  "function_calling",
  "functions",
  "vision",
  "structured_output",
  "streaming",
  "assistants",
  "batch",
] as const;
export type RequiredFeature = (typeof requiredFeatureNames)[number];

const extensionsSchema = z.object({
  id: z.string().max(200).optional(),
  optimize_for: z.enum(["cost", "performance", "quality"]).optional(),
  required_features: z.array(z.enum(requiredFeatureNames)).max(10).optional(),
  max_cost: z.number().positive().optional(),
  retry_config: z
    .object({
      max_attempts: z.number().int().min(0).max(5).optional(),
      backoff_type: z.enum(["linear", "exponential"]).optional(),
      base_delay: duration.optional(),
      max_delay: duration.optional(),
      retryable_errors: z
        .array(z.enum(["rate_limit", "timeout", "server_error", "network_error"]))
        .optional(),
    })
    .optional(),
  fallback_config: z
    .object({
      enabled: z.boolean().optional(),
      preferred_chain: z.array(z.string().min(1).max(100)).max(20).optional(),
      max_cost_increase: z.number().min(0).optional(),
      require_same_features: z.boolean().optional(),
    })
    .optional(),
  user_id: z.string().max(200).optional(),
  application_id: z.string().max(200).optional(),
  timestamp: z.string().max(64).optional(),
});

/** The TAS router's request extensions, all optional (spec §1). */
export interface RouterExtensions {
  readonly requestId: string | null;
  readonly optimizeFor: "cost" | "performance" | "quality" | null;
  readonly requiredFeatures: readonly RequiredFeature[];
  readonly maxCost: number | null;
  readonly retry: RetryPolicy;
  readonly fallback: FallbackPolicy;
  readonly userId: string | null;
  readonly applicationId: string | null;
}

export const extensionKeys = [
  "id",
  "optimize_for",
  "required_features",
  "max_cost",
  "retry_config",
  "fallback_config",
  "user_id",
  "application_id",
  "timestamp",
] as const;

export const noExtensions: RouterExtensions = {
  requestId: null,
  optimizeFor: null,
  requiredFeatures: [],
  maxCost: null,
  retry: noRetry,
  fallback: noFallback,
  userId: null,
  applicationId: null,
};

/**
 * Reads and removes the extensions from an OpenAI-shaped body (they must never reach a provider).
 * Returns `noExtensions` without parsing when none is present, which is the common case.
 */
export function takeRouterExtensions(body: Record<string, unknown>): RouterExtensions {
  let present = false;
  const picked: Record<string, unknown> = {};
  for (const key of extensionKeys) {
    if (key in body) {
      present = true;
      picked[key] = body[key];
      delete body[key];
    }
  }
  // `user` is OpenAI's own field; it is both passed on and used as the end-user id.
  const openAiUser = typeof body.user === "string" ? body.user : null;
  if (!present) return openAiUser ? { ...noExtensions, userId: openAiUser } : noExtensions;
  const parsed = extensionsSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue?.path.join(".") ?? "";
    throw new GatewayError("invalid_request", `Invalid ${param}: ${issue?.message ?? "bad value"}`, {
      param,
    });
  }
  const value = parsed.data;
  const retry = value.retry_config;
  const fallback = value.fallback_config;
  const baseDelayMs = retry?.base_delay ?? noRetry.baseDelayMs;
  const maxDelayMs = retry?.max_delay ?? noRetry.maxDelayMs;
  if (maxDelayMs < baseDelayMs) {
    throw new GatewayError("invalid_request", "retry_config.max_delay must be at least base_delay", {
      param: "retry_config.max_delay",
    });
  }
  return {
    requestId: value.id ?? null,
    optimizeFor: value.optimize_for ?? null,
    requiredFeatures: value.required_features ?? [],
    maxCost: value.max_cost ?? null,
    retry: retry
      ? {
          maxAttempts: Math.max(1, retry.max_attempts ?? 1),
          backoff: retry.backoff_type ?? "exponential",
          baseDelayMs,
          maxDelayMs,
          retryable: retry.retryable_errors ? new Set<RetryableClass>(retry.retryable_errors) : allRetryable,
        }
      : noRetry,
    fallback: fallback
      ? {
          enabled: fallback.enabled ?? false,
          preferredChain: fallback.preferred_chain ?? [],
          maxCostIncrease: fallback.max_cost_increase ?? null,
          requireSameFeatures: fallback.require_same_features ?? true,
        }
      : noFallback,
    userId: value.user_id ?? openAiUser,
    applicationId: value.application_id ?? null,
  };
}
