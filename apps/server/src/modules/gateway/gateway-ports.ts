import type { UsageRecordInput } from "../usage/index.js";

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

/** Where metered calls go: the usage module's bounded recorder. */
export interface UsagePort {
  record(record: UsageRecordInput): void | Promise<void>;
}
