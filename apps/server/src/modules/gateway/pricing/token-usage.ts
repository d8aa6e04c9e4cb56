import type { ModelPrices } from "../catalog/types.js";

/**
 * Token counts of one call, normalised across protocols: `inputTokens` is every prompt token
 * (OpenAI `prompt_tokens`; Anthropic input + cache read + cache write), of which
 * `cachedInputTokens` were read from and `cacheWriteTokens` written to the provider's prompt
 * cache; `outputTokens` is every generated token, of which `reasoningTokens` were reasoning.
 */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly cacheWriteTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
}

export const zeroUsage: TokenUsage = {
  inputTokens: 0,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
};

const perToken = 1 / 1_000_000;

/** USD for the usage at the given prices; each token class at its own rate. */
export function costOf(usage: TokenUsage, prices: ModelPrices): number {
  const uncachedInput = Math.max(0, usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteTokens);
  const plainOutput = Math.max(0, usage.outputTokens - usage.reasoningTokens);
  const usd =
    uncachedInput * prices.input +
    usage.cachedInputTokens * prices.cachedInput +
    usage.cacheWriteTokens * prices.cacheWrite +
    plainOutput * prices.output +
    usage.reasoningTokens * prices.reasoning;
  return roundUsd(usd * perToken);
}

/** Ten decimal places: the usage table's precision, and no float dust in sums. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1e10) / 1e10;
}

/** OpenAI `usage` → TokenUsage. */
export function fromOpenAiUsage(usage: unknown): TokenUsage | null {
  if (!usage || typeof usage !== "object") return null;
  const u = usage as {
    prompt_tokens?: unknown;
    completion_tokens?: unknown;
    prompt_tokens_details?: { cached_tokens?: unknown } | null;
    completion_tokens_details?: { reasoning_tokens?: unknown } | null;
  };
  if (typeof u.prompt_tokens !== "number") return null;
  return {
    inputTokens: u.prompt_tokens,
    cachedInputTokens: num(u.prompt_tokens_details?.cached_tokens),
    cacheWriteTokens: 0,
    outputTokens: num(u.completion_tokens),
    reasoningTokens: num(u.completion_tokens_details?.reasoning_tokens),
  };
}

/** Anthropic `usage` (message_start input + message_delta output may be merged first) → TokenUsage. */
export function fromAnthropicUsage(usage: unknown): TokenUsage | null {
  if (!usage || typeof usage !== "object") return null;
  const u = usage as {
    input_tokens?: unknown;
    output_tokens?: unknown;
    cache_read_input_tokens?: unknown;
    cache_creation_input_tokens?: unknown;
  };
  if (typeof u.input_tokens !== "number" && typeof u.output_tokens !== "number") return null;
  const cacheRead = num(u.cache_read_input_tokens);
  const cacheWrite = num(u.cache_creation_input_tokens);
  return {
    inputTokens: num(u.input_tokens) + cacheRead + cacheWrite,
    cachedInputTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    outputTokens: num(u.output_tokens),
    reasoningTokens: 0,
  };
}

function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
