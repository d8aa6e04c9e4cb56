import { describe, expect, it } from "vitest";
import { builtinModelFor } from "./builtin-models.js";
import {
  builtinPrices,
  completePrices,
  createPriceBook,
  defaultPricesFor,
  knownNameCandidates,
} from "./prices.js";
import type { PricePoint } from "./types.js";

describe("built-in prices", () => {
  it("are the §3.2 catalog's per-1K prices per 1M", () => {
    const perThousand: Record<string, [number, number]> = {
      "gpt-4": [0.03, 0.06],
      "gpt-4-turbo": [0.01, 0.03],
      "gpt-4-vision": [0.01, 0.03],
      "gpt-3.5-turbo": [0.0015, 0.002],
      "claude-3-opus": [0.015, 0.075],
      "claude-3-sonnet": [0.003, 0.015],
      "claude-3-haiku": [0.00025, 0.00125],
    };
    for (const [name, [input, output]] of Object.entries(perThousand)) {
      expect(builtinPrices[name]?.input, name).toBeCloseTo(input * 1000, 9);
      expect(builtinPrices[name]?.output, name).toBeCloseTo(output * 1000, 9);
    }
  });

  it("price Anthropic cache reads at 10% and writes at 125% of input", () => {
    expect(builtinPrices["claude-3-5-haiku"]).toEqual({
      input: 0.8,
      cachedInput: 0.08,
      cacheWrite: 1,
      output: 4,
      reasoning: 4,
    });
  });

  it("are found for dated, suffixed and prefixed names", () => {
    expect(knownNameCandidates("gpt-4o-2024-08-06")).toContain("gpt-4o");
    expect(defaultPricesFor("claude-3-5-sonnet-20241022")).toBe(builtinPrices["claude-3-5-sonnet"]);
    expect(defaultPricesFor("gpt-4-0613")).toBe(builtinPrices["gpt-4"]);
    expect(defaultPricesFor("claude-3-5-haiku-latest")).toBe(builtinPrices["claude-3-5-haiku"]);
    expect(defaultPricesFor("openai/gpt-4.1-mini")).toBe(builtinPrices["gpt-4.1-mini"]);
    expect(defaultPricesFor("my-model", "gpt-4o")).toBe(builtinPrices["gpt-4o"]);
    expect(defaultPricesFor("llama-3.1-8b")).toBeNull();
    expect(builtinModelFor("claude-sonnet-4-20250514")?.displayName).toBe("Claude Sonnet 4");
  });

  it("every well-known model has both metadata and a price", () => {
    for (const name of Object.keys(builtinPrices)) expect(builtinModelFor(name), name).not.toBeNull();
  });
});

describe("completePrices", () => {
  it("prices cache classes at input and reasoning at output when not given", () => {
    expect(completePrices({ input: 2, output: 8 })).toEqual({
      input: 2,
      cachedInput: 2,
      cacheWrite: 2,
      output: 8,
      reasoning: 8,
    });
    expect(
      completePrices({ input: 2, output: 8, cachedInput: 0.5, cacheWrite: 0, reasoning: 1 }),
    ).toMatchObject({
      cachedInput: 0.5,
      cacheWrite: 0,
      reasoning: 1,
    });
  });
});

describe("the price book", () => {
  const at = (iso: string) => new Date(iso);
  const point = (version: number, from: string, input: number): PricePoint => ({
    version,
    effectiveFrom: at(from),
    prices: completePrices({ input, output: input * 2 }),
  });
  const book = createPriceBook(
    new Map([
      [
        "m",
        [
          point(2, "2025-02-01T00:00:00Z", 2),
          point(1, "2025-01-01T00:00:00Z", 1),
          point(3, "2025-03-01T00:00:00Z", 3),
          point(4, "2025-03-01T00:00:00Z", 4),
        ],
      ],
    ]),
  );

  it("answers the version in effect at each moment", () => {
    expect(book.priceAt("m", at("2024-12-31T23:59:59Z"))).toBeNull();
    expect(book.priceAt("m", at("2025-01-15T00:00:00Z"))?.version).toBe(1);
    expect(book.priceAt("m", at("2025-02-01T00:00:00Z"))?.version).toBe(2);
    // Two versions from the same moment: the later version wins.
    expect(book.priceAt("m", at("2025-06-01T00:00:00Z").getTime())?.prices.input).toBe(4);
    expect(book.priceAt("other", Date.now())).toBeNull();
  });

  it("knows when the next version takes over", () => {
    expect(book.nextChangeAfter(at("2025-01-15T00:00:00Z").getTime())).toBe(
      at("2025-02-01T00:00:00Z").getTime(),
    );
    expect(book.nextChangeAfter(at("2025-04-01T00:00:00Z").getTime())).toBeNull();
  });
});
