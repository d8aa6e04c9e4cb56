import { describe, expect, it } from "vitest";
import type { DeclaredProvider } from "../../../config/config.js";
import { declaredProviderSchema } from "../../../config/schema.js";
import { buildCatalogState } from "./build-snapshot.js";
import { configId } from "./config-ids.js";
import { parseDeclaredCatalog } from "./declared-catalog.js";
import { builtinPrices } from "./prices.js";

const declare = (items: unknown[]): DeclaredProvider[] =>
  items.map((item) => declaredProviderSchema.parse(item));

function snapshotOf(items: unknown[]) {
  const declared = parseDeclaredCatalog(declare(items), 120_000);
  const warnings: string[] = [];
  const state = buildCatalogState({
    declared,
    stored: { providers: [], models: [] },
    version: 1,
    now: Date.now(),
    warn: (message) => warnings.push(message),
  });
  return { snapshot: state.snapshot, state, warnings };
}

const issueExample = {
  name: "local-vllm",
  type: "openai_compatible",
  base_url: "http://127.0.0.1:8000/v1/",
  api_key: "vllm-secret-key-0123456789",
  models: ["llama-3.1-8b"],
};

describe("declared providers", () => {
  it("parse the issue's example into a provider and a model", () => {
    const { snapshot, warnings } = snapshotOf([issueExample]);
    expect(warnings).toEqual([]);
    const provider = snapshot.providers.get("local-vllm");
    expect(provider).toMatchObject({
      name: "local-vllm",
      type: "openai_compatible",
      baseUrl: "http://127.0.0.1:8000/v1",
      apiKey: "vllm-secret-key-0123456789",
      timeoutMs: 120_000,
      enabled: true,
      source: "config",
    });
    const model = snapshot.resolve("llama-3.1-8b");
    expect(model).toMatchObject({ name: "llama-3.1-8b", kind: "chat", source: "config", priceVersion: 1 });
    expect(model?.id).toBe(configId("model", "llama-3.1-8b"));
    expect(model?.deployments).toEqual([
      expect.objectContaining({
        providerName: "local-vllm",
        upstreamModel: "llama-3.1-8b",
        weight: 1,
        enabled: true,
      }),
    ]);
    // Unknown model on an OpenAI-compatible server: price 0, conservative capabilities.
    expect(model?.prices).toEqual({ input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 });
    expect([...(model?.capabilities ?? [])].sort()).toEqual(["functions", "streaming", "structured_output"]);
  });

  it("default base URLs by type, and time out as configured", () => {
    const { snapshot } = snapshotOf([
      { name: "openai", type: "openai", api_key: "sk-test", models: ["gpt-4o-mini"] },
      {
        name: "anthropic",
        type: "anthropic",
        api_key: "sk-ant",
        timeout_ms: 5000,
        models: ["claude-3-5-haiku"],
      },
      { name: "gguf", type: "local", models: [{ name: "tiny", model_path: "/models/tiny.gguf" }] },
    ]);
    expect(snapshot.providers.get("openai")?.baseUrl).toBe("https://api.openai.com/v1");
    expect(snapshot.providers.get("anthropic")).toMatchObject({
      baseUrl: "https://api.anthropic.com",
      timeoutMs: 5000,
    });
    expect(snapshot.providers.get("gguf")?.baseUrl).toBe("");
    expect(snapshot.resolve("tiny")?.deployments[0]?.modelPath).toBe("/models/tiny.gguf");
  });

  it("give well-known models their built-in prices, limits and capabilities", () => {
    const { snapshot } = snapshotOf([
      {
        name: "openai",
        type: "openai",
        models: ["gpt-4o-mini", "gpt-4", { name: "embed", upstream_model: "text-embedding-3-small" }],
      },
      { name: "anthropic", type: "anthropic", models: ["claude-3-5-sonnet-20241022"] },
    ]);
    const mini = snapshot.resolve("gpt-4o-mini");
    expect(mini?.prices).toEqual(builtinPrices["gpt-4o-mini"]);
    expect(mini?.prices.cachedInput).toBe(0.075);
    expect(mini?.capabilities.has("vision")).toBe(true);
    expect(mini).toMatchObject({ contextWindow: 128_000, displayName: "GPT-4o mini" });
    // §3.2: $0.03 / $0.06 per 1K is $30 / $60 per 1M.
    expect(snapshot.resolve("gpt-4")?.prices).toMatchObject({ input: 30, output: 60 });
    expect(snapshot.resolve("gpt-4")?.capabilities.has("vision")).toBe(false);
    expect(snapshot.resolve("embed")).toMatchObject({
      kind: "embedding",
      prices: { input: 0.02, output: 0 },
    });
    const sonnet = snapshot.resolve("claude-3-5-sonnet-20241022");
    expect(sonnet?.prices).toMatchObject({ input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 });
  });

  it("take declared prices, capabilities and limits over the defaults", () => {
    const { snapshot } = snapshotOf([
      {
        name: "openai",
        type: "openai",
        models: [
          {
            name: "gpt-4o",
            prices: { input: 1, output: 2 },
            capabilities: ["streaming"],
            context_window: 1000,
            max_output_tokens: 10,
            quality_rank: 3,
          },
        ],
      },
    ]);
    expect(snapshot.resolve("gpt-4o")).toMatchObject({
      prices: { input: 1, cachedInput: 1, cacheWrite: 1, output: 2, reasoning: 2 },
      contextWindow: 1000,
      maxOutputTokens: 10,
      qualityRank: 3,
    });
    expect([...(snapshot.resolve("gpt-4o")?.capabilities ?? [])]).toEqual(["streaming"]);
  });

  it("resolve by name, alias and provider/name, the latter on that provider's deployments only", () => {
    const { snapshot } = snapshotOf([
      issueExample,
      {
        name: "backup-vllm",
        type: "openai_compatible",
        base_url: "http://10.0.0.2:8000/v1",
        models: [{ name: "llama-3.1-8b", aliases: ["llama"], weight: 3, upstream_model: "meta/llama" }],
      },
    ]);
    const byName = snapshot.resolve("llama-3.1-8b");
    expect(byName?.deployments.map((d) => [d.providerName, d.upstreamModel, d.weight])).toEqual([
      ["local-vllm", "llama-3.1-8b", 1],
      ["backup-vllm", "meta/llama", 3],
    ]);
    expect(snapshot.resolve("llama")).toBe(byName);
    const pinned = snapshot.resolve("backup-vllm/llama-3.1-8b");
    expect(pinned?.id).toBe(byName?.id);
    expect(pinned?.deployments.map((d) => d.providerName)).toEqual(["backup-vllm"]);
    expect(snapshot.resolve("local-vllm/llama")?.deployments.map((d) => d.providerName)).toEqual([
      "local-vllm",
    ]);
    expect(snapshot.resolve("nobody/llama-3.1-8b")).toBeNull();
    expect(snapshot.resolve("unknown")).toBeNull();
    expect(snapshot.byId(byName?.id ?? "")).toBe(byName);
    expect(snapshot.priceAt(byName?.id ?? "", Date.now())?.version).toBe(1);
    expect(snapshot.models).toHaveLength(1);
  });

  it("give the same ids on every start", () => {
    const first = snapshotOf([issueExample]).snapshot;
    const second = snapshotOf([issueExample]).snapshot;
    expect(first.resolve("llama-3.1-8b")?.id).toBe(second.resolve("llama-3.1-8b")?.id);
    expect(first.providers.get("local-vllm")?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe("invalid declarations", () => {
  const problem = (items: unknown[]) => {
    try {
      parseDeclaredCatalog(declare(items), 1000);
    } catch (error) {
      return (error as Error).message;
    }
    return "no error";
  };

  it("fail at start with a message naming the provider and the fix", () => {
    expect(problem([{ name: "v", type: "openai_compatible", models: ["m"] }])).toMatch(
      /TRIBUTARY_PROVIDERS\[0\] \(v\): an openai_compatible provider needs base_url/,
    );
    expect(problem([{ name: "l", type: "local", models: ["m"] }])).toMatch(
      /\(l\): model "m" on a local provider needs model_path/,
    );
    expect(
      problem([
        { name: "o", type: "openai", models: ["a"] },
        { name: "o", type: "openai", models: ["b"] },
      ]),
    ).toMatch(/provider name "o" is declared twice/);
    expect(
      problem([{ name: "o", type: "openai", models: [{ name: "a", capabilities: ["telepathy"] }] }]),
    ).toMatch(/unknown capabilities telepathy/);
    expect(problem([{ name: "o", type: "openai", models: ["a", { name: "b", aliases: ["a"] }] }])).toMatch(
      /alias "a" of model "b" is already the name or an alias of "a"/,
    );
    expect(problem([{ name: "o", type: "openai", models: ["a", "a"] }])).toMatch(
      /declared twice on this provider/,
    );
  });

  it("report every problem at once", () => {
    const message = problem([
      { name: "v", type: "openai_compatible", models: ["m"] },
      { name: "l", type: "local", models: ["m"] },
    ]);
    expect(message.split("\n")).toHaveLength(3);
  });
});
