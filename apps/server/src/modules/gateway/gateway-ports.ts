import type { TokenUsage } from "./pricing/token-usage.js";

/** The answer of a rate limit check, enough for `Retry-After` and `x-ratelimit-*` headers. */
export interface LimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  readonly retryAfterMs: number;
}

/** Per-key request and token rate limits (the key's `rpm` / `tpm` settings). */
export interface KeyLimitsPort {
  checkRequest(keyId: string, rpm: number): Promise<LimitDecision>;
  checkTokens(keyId: string, tpm: number, estimatedTokens: number): Promise<LimitDecision>;
  recordTokens(keyId: string, tpm: number, actualTokens: number, estimatedTokens: number): Promise<unknown>;
}

export interface BudgetScope {
  readonly tenantId: string;
  readonly spaceId: string;
  readonly userId: string;
  readonly apiKeyId: string | null;
  readonly keyBudgets: {
    readonly dailyUsd?: number;
    readonly monthlyUsd?: number;
    readonly mode: "hard" | "soft";
  } | null;
}

export type BudgetReservation = unknown;

export type ReserveOutcome =
  | { readonly ok: true; readonly reservation: BudgetReservation }
  | {
      readonly ok: false;
      readonly exceeded: {
        readonly scope: string;
        readonly period: string;
        readonly limitUsd: number;
        readonly spentUsd: number;
      };
    };

/** Budgets in USD: reserve the estimate before a call, settle with the actual cost after. */
export interface BudgetPort {
  reserve(scope: BudgetScope, estimateUsd: number): Promise<ReserveOutcome>;
  settle(reservation: BudgetReservation, actualUsd: number): Promise<void>;
  release(reservation: BudgetReservation): Promise<void>;
}

/** One gateway call, as metered. */
export interface GatewayUsageRecord {
  readonly tenantId: string;
  readonly spaceId: string;
  readonly userId: string;
  readonly apiKeyId: string | null;
  readonly applicationId: string | null;
  readonly requestId: string;
  readonly endpoint: "chat" | "messages" | "embeddings";
  readonly protocol: "openai" | "anthropic";
  readonly requestedModel: string;
  readonly model: string;
  readonly provider: string;
  readonly deploymentId: string | null;
  readonly usage: TokenUsage;
  readonly costUsd: number;
  readonly priceVersion: number | null;
  readonly estimated: boolean;
  readonly latencyMs: number;
  readonly overheadMs: number;
  readonly status: "success" | "error" | "cancelled";
  readonly httpStatus: number;
  readonly errorCode: string | null;
  readonly cacheHit: boolean;
  readonly fallbackUsed: boolean;
  readonly attemptCount: number;
  readonly guardrail: Readonly<Record<string, unknown>> | null;
  readonly stream: boolean;
}

export interface UsagePort {
  record(record: GatewayUsageRecord): void | Promise<void>;
}
