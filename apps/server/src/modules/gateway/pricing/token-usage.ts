import type { ModelPrices } from "../catalog/types.js";
import type { TokenUsage } from "../protocols/index.js";

/** Normalised token counts of one call (see protocols/usage.ts for what each class includes). */
export type { TokenUsage };

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
