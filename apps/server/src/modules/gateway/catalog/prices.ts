import type { ModelPrices, PricePoint } from "./types.js";

export const zeroPrices: ModelPrices = Object.freeze({
  input: 0,
  cachedInput: 0,
  cacheWrite: 0,
  output: 0,
  reasoning: 0,
});

/** Prices as declared or sent: the token classes a provider does not price separately may be left out. */
export interface PartialPrices {
  readonly input: number;
  readonly output: number;
  readonly cachedInput?: number | undefined;
  readonly cacheWrite?: number | undefined;
  readonly reasoning?: number | undefined;
}

/**
 * Fills the classes left out: cached input and cache writes at the input price, reasoning at the
 * output price (how OpenAI and Anthropic bill them when there is no discount), never undercharging.
 */
export function completePrices(prices: PartialPrices): ModelPrices {
  return Object.freeze({
    input: prices.input,
    cachedInput: prices.cachedInput ?? prices.input,
    cacheWrite: prices.cacheWrite ?? prices.input,
    output: prices.output,
    reasoning: prices.reasoning ?? prices.output,
  });
}

const p = (input: number, cachedInput: number, cacheWrite: number, output: number): ModelPrices =>
  completePrices({ input, cachedInput, cacheWrite, output });
// Anthropic: cache reads at 10% of input, cache writes (5-minute) at 125%.
const anthropic = (input: number, output: number): ModelPrices =>
  p(input, round(input * 0.1), round(input * 1.25), output);
const embedding = (input: number): ModelPrices => p(input, input, input, 0);

/**
 * Built-in list prices (USD per 1M tokens) of well-known models: the spec's §3.2 catalog (given
 * there per 1K) and current OpenAI and Anthropic models. A model declared or created without
 * prices gets these when its name is known; the admin API's price book overrides them.
 */
export const builtinPrices: Readonly<Record<string, ModelPrices>> = Object.freeze({
  // tas-router-mcp §3.2 (per 1K there: 0.03/0.06, 0.01/0.03, 0.0015/0.002, 0.015/0.075, …).
  "gpt-4": p(30, 30, 30, 60),
  "gpt-4-turbo": p(10, 10, 10, 30),
  "gpt-4-vision": p(10, 10, 10, 30),
  "gpt-3.5-turbo": p(1.5, 1.5, 1.5, 2),
  "claude-3-opus": anthropic(15, 75),
  "claude-3-sonnet": anthropic(3, 15),
  "claude-3-haiku": anthropic(0.25, 1.25),
  // OpenAI: cached input at the published discount; no charge of its own for cache writes.
  "gpt-4o": p(2.5, 1.25, 2.5, 10),
  "gpt-4o-mini": p(0.15, 0.075, 0.15, 0.6),
  "gpt-4.1": p(2, 0.5, 2, 8),
  "gpt-4.1-mini": p(0.4, 0.1, 0.4, 1.6),
  "gpt-4.1-nano": p(0.1, 0.025, 0.1, 0.4),
  o1: p(15, 7.5, 15, 60),
  "o3-mini": p(1.1, 0.55, 1.1, 4.4),
  o3: p(2, 0.5, 2, 8),
  "o4-mini": p(1.1, 0.275, 1.1, 4.4),
  "claude-3-5-sonnet": anthropic(3, 15),
  "claude-3-5-haiku": anthropic(0.8, 4),
  "claude-3-7-sonnet": anthropic(3, 15),
  "claude-sonnet-4": anthropic(3, 15),
  "claude-opus-4": anthropic(15, 75),
  "text-embedding-3-small": embedding(0.02),
  "text-embedding-3-large": embedding(0.13),
  "text-embedding-ada-002": embedding(0.1),
});

/** `claude-3-5-sonnet-20241022`, `gpt-4o-2024-08-06`, `gpt-4-0613`, `…-latest`, `openai/gpt-4o` → base names. */
export function knownNameCandidates(name: string): string[] {
  const candidates = [name];
  let current = name.includes("/") ? (name.split("/").at(-1) ?? name) : name;
  if (current !== name) candidates.push(current);
  for (let i = 0; i < 2; i++) {
    const stripped = current.replace(/-(\d{8}|\d{4}-\d{2}-\d{2}|\d{4}|latest|preview)$/, "");
    if (stripped === current) break;
    candidates.push(stripped);
    current = stripped;
  }
  return candidates;
}

/** The built-in price of a well-known model (dated and prefixed variants included), or null. */
export function defaultPricesFor(...names: readonly (string | undefined)[]): ModelPrices | null {
  for (const name of names) {
    if (name === undefined) continue;
    for (const candidate of knownNameCandidates(name)) {
      const prices = builtinPrices[candidate];
      if (prices) return prices;
    }
  }
  return null;
}

/** Every version of every model's prices, held in memory; answers which was in effect when. */
export interface PriceBook {
  priceAt(modelId: string, at: Date | number): PricePoint | null;
  /** The earliest `effective_from` after `now`, when a scheduled version takes over; null if none. */
  nextChangeAfter(now: number): number | null;
}

/**
 * The version in effect at a moment is the one with the latest `effective_from` not after it
 * (the higher version on a tie). A model whose first version is still in the future has none.
 */
export function createPriceBook(history: ReadonlyMap<string, readonly PricePoint[]>): PriceBook {
  // Sorted by effective time ascending, then version, so a lookup scans from the end.
  const sorted = new Map<string, readonly PricePoint[]>();
  for (const [modelId, points] of history) {
    sorted.set(
      modelId,
      [...points].sort(
        (a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime() || a.version - b.version,
      ),
    );
  }
  return {
    priceAt(modelId, at) {
      const points = sorted.get(modelId);
      if (!points) return null;
      const time = typeof at === "number" ? at : at.getTime();
      for (let i = points.length - 1; i >= 0; i--) {
        const point = points[i];
        if (point && point.effectiveFrom.getTime() <= time) return point;
      }
      return null;
    },
    nextChangeAfter(now) {
      let next: number | null = null;
      for (const points of sorted.values()) {
        for (const point of points) {
          const time = point.effectiveFrom.getTime();
          if (time > now && (next === null || time < next)) next = time;
        }
      }
      return next;
    },
  };
}

function round(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}
