import { describe, expect, it } from "vitest";
import { declaredProviderSchema } from "../../../../config/schema.js";
import { buildCatalogState } from "../../catalog/build-snapshot.js";
import { parseDeclaredCatalog } from "../../catalog/declared-catalog.js";

function snapshotOf(items: unknown[]) {
  const declared = parseDeclaredCatalog(
    items.map((item) => declaredProviderSchema.parse(item)),
    120_000,
  );
  return buildCatalogState({
    declared,
    stored: { providers: [], models: [] },
    version: 1,
    now: Date.now(),
    warn: () => {},
  }).snapshot;
}

describe("a declared local provider", () => {
  it("gives its model_path to the models that name none, with its runtime settings", () => {
    const snapshot = snapshotOf([
      {
        name: "local",
        type: "local",
        model_path: "/models/tiny.gguf",
        context_size: 512,
        threads: 2,
        sequences: 3,
        models: ["tiny", { name: "other", model_path: "/models/other.gguf" }],
      },
    ]);
    expect(snapshot.providers.get("local")).toMatchObject({
      type: "local",
      baseUrl: "",
      local: { contextSize: 512, gpu: false, threads: 2, sequences: 3 },
    });
    expect(snapshot.resolve("tiny")?.deployments[0]?.modelPath).toBe("/models/tiny.gguf");
    expect(snapshot.resolve("other")?.deployments[0]?.modelPath).toBe("/models/other.gguf");
    expect(snapshot.resolve("local/tiny")?.name).toBe("tiny");
  });

  it("defaults to the CPU, one sequence, and price 0 even for a model with a public price", () => {
    const snapshot = snapshotOf([
      { name: "box", type: "local", model_path: "/models/gpt.gguf", models: ["gpt-4o-mini"] },
    ]);
    expect(snapshot.providers.get("box")?.local).toEqual({
      contextSize: null,
      gpu: false,
      threads: null,
      sequences: 1,
    });
    expect(snapshot.resolve("gpt-4o-mini")?.prices).toEqual({
      input: 0,
      cachedInput: 0,
      cacheWrite: 0,
      output: 0,
      reasoning: 0,
    });
  });

  it("refuses a local model with no file to load, and unknown settings", () => {
    expect(() => snapshotOf([{ name: "local", type: "local", models: ["tiny"] }])).toThrow(
      /needs model_path/,
    );
    expect(() =>
      declaredProviderSchema.parse({ name: "x", type: "local", gpu: "tpu", models: ["a"] }),
    ).toThrow();
    expect(() =>
      declaredProviderSchema.parse({ name: "x", type: "local", sequences: 0, models: ["a"] }),
    ).toThrow();
  });
});
