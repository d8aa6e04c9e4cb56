import type { GatewayModel, GatewayProvider } from "@tributary/contracts";
import { describe, expect, it } from "vitest";
import { buildCreateModel, buildUpdateModel, modelValues, newModelValues } from "./model-form-values";
import {
  buildCreateProvider,
  buildUpdateProvider,
  newProviderValues,
  providerValues,
} from "./provider-form-values";

const provider: GatewayProvider = {
  id: "0190a000-0000-7000-8000-000000000010",
  name: "openai-main",
  type: "openai",
  base_url: "https://api.openai.com/v1",
  has_api_key: true,
  api_key_hint: "…abcd",
  headers: {},
  timeout_ms: 60000,
  enabled: true,
  source: "api",
  created_at: null,
  updated_at: null,
};

describe("provider form", () => {
  it("creates with only what was given", () => {
    expect(buildCreateProvider({ ...newProviderValues, name: "oa", apiKey: "sk-1" })).toEqual({
      ok: true,
      body: { name: "oa", type: "openai", enabled: true, api_key: "sk-1" },
    });
  });

  it("requires a base URL for an OpenAI-compatible provider and checks the name", () => {
    const result = buildCreateProvider({ ...newProviderValues, name: "Bad Name", type: "openai_compatible" });
    expect(result.ok ? null : Object.keys(result.errors).sort()).toEqual(["baseUrl", "name"]);
  });

  it("updates only what changed, never pinning the default URL, and can remove the key", () => {
    const values = providerValues(provider);
    expect(buildUpdateProvider(values, provider)).toEqual({ ok: true, body: null });
    expect(buildUpdateProvider({ ...values, enabled: false, removeApiKey: true }, provider)).toEqual({
      ok: true,
      body: { enabled: false, api_key: null },
    });
    expect(buildUpdateProvider({ ...values, baseUrl: "", apiKey: "sk-new" }, provider)).toEqual({
      ok: true,
      body: { base_url: null, api_key: "sk-new" },
    });
  });
});

describe("model form", () => {
  it("creates a model with a deployment and both prices", () => {
    const values = {
      ...newModelValues("openai-main"),
      name: "fast",
      aliases: "quick, speedy",
      inputPrice: "0.15",
      outputPrice: "0.6",
    };
    values.deployments = [
      {
        ...values.deployments[0],
        provider: "openai-main",
        upstreamModel: "gpt-4o-mini",
        weight: "1",
        enabled: true,
        modelPath: "",
      },
    ];
    expect(buildCreateModel(values)).toEqual({
      ok: true,
      body: {
        name: "fast",
        kind: "chat",
        aliases: ["quick", "speedy"],
        deployments: [{ provider: "openai-main", upstream_model: "gpt-4o-mini", weight: 1, enabled: true }],
        prices: { input: 0.15, output: 0.6 },
      },
    });
  });

  it("asks for both prices or neither, and a provider per deployment", () => {
    const result = buildCreateModel({ ...newModelValues(""), name: "m", inputPrice: "1" });
    expect(result.ok ? null : Object.keys(result.errors).sort()).toEqual(["deployments", "outputPrice"]);
  });

  it("edits by sending every list whole", () => {
    const model: GatewayModel = {
      id: "0190a000-0000-7000-8000-000000000020",
      name: "fast",
      display_name: "Fast",
      kind: "chat",
      aliases: ["quick"],
      capabilities: ["streaming"],
      context_window: 128000,
      max_output_tokens: 16000,
      quality_rank: 50,
      tags: [],
      prices: { input: 1, cached_input: 1, cache_write: 1, output: 2, reasoning: 2 },
      price_version: 1,
      deployments: [
        {
          id: "0190a000-0000-7000-8000-000000000021",
          provider: "openai-main",
          upstream_model: "gpt-4o-mini",
          weight: 1,
          enabled: true,
          model_path: null,
        },
      ],
      source: "api",
      created_at: null,
      updated_at: null,
    };
    expect(buildUpdateModel(modelValues(model))).toEqual({
      ok: true,
      body: {
        name: "fast",
        display_name: "Fast",
        kind: "chat",
        aliases: ["quick"],
        capabilities: ["streaming"],
        context_window: 128000,
        max_output_tokens: 16000,
        quality_rank: 50,
        deployments: [{ provider: "openai-main", upstream_model: "gpt-4o-mini", weight: 1, enabled: true }],
      },
    });
  });
});
