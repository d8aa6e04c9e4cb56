import { createdApiKeySchema } from "@tributary/contracts";
import { type FakeLlm, startFakeLlm } from "@tributary/fake-llm";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { bearer, registerAccount } from "../../identity/testing/identity-client.js";

export interface GatewayTestBed {
  readonly instance: TestInstance;
  readonly fake: FakeLlm;
  /** The gateway's base URL for SDKs (`…/v1` for OpenAI clients, the origin for Anthropic ones). */
  readonly origin: string;
  close(): Promise<void>;
}

/** Models a test declares beside the usual ones, in `TRIBUTARY_PROVIDERS`' model shape. */
export interface ExtraTestModels {
  /** Served by the OpenAI-compatible provider `openai-up`. */
  readonly openai?: ReadonlyArray<Record<string, unknown>>;
  /** Served by the Anthropic provider `anthropic-up`. */
  readonly anthropic?: ReadonlyArray<Record<string, unknown>>;
}

/**
 * A listening Tributary whose catalog declares the fake upstream twice: as an OpenAI-compatible
 * provider (`fake-gpt`, `fake-embed`) and as an Anthropic provider (`fake-claude`), plus any
 * `extraModels` a test needs (its own prices, say).
 */
export async function startGatewayTestBed(
  env: Record<string, string> = {},
  extraModels: ExtraTestModels = {},
  /** Whole providers declared after the two fake ones (TRIBUTARY_PROVIDERS items, e.g. `local`). */
  extraProviders: readonly object[] = [],
): Promise<GatewayTestBed> {
  const fake = await startFakeLlm();
  const providers = [
    {
      name: "openai-up",
      type: "openai_compatible",
      base_url: `${fake.url}/v1`,
      api_key: "sk-upstream",
      timeout_ms: 5_000,
      models: [
        {
          name: "fake-gpt",
          prices: { input: 1, output: 2 },
          capabilities: ["functions", "streaming", "structured_output", "vision", "json_schema"],
          quality_rank: 50,
        },
        { name: "fake-embed", kind: "embedding", prices: { input: 0.1, output: 0 } },
        ...(extraModels.openai ?? []),
      ],
    },
    {
      name: "anthropic-up",
      type: "anthropic",
      base_url: fake.url,
      api_key: "sk-ant-upstream",
      timeout_ms: 5_000,
      models: [
        {
          name: "fake-claude",
          prices: { input: 3, output: 15 },
          capabilities: ["functions", "streaming", "structured_output", "vision"],
          quality_rank: 60,
        },
        ...(extraModels.anthropic ?? []),
      ],
    },
    ...extraProviders,
  ];
  const instance = await startTestInstance({
    env: { TRIBUTARY_PROVIDERS: JSON.stringify(providers), GATEWAY_USAGE_FLUSH_MS: "50", ...env },
  });
  const app = instance.app;
  if (!app) throw new Error("no app");
  const origin = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    instance,
    fake,
    origin,
    async close() {
      await instance.close();
      await fake.close();
    },
  };
}

/** A new user and a gateway API key of theirs (settings as given). */
export async function createGatewayKey(bed: GatewayTestBed, gateway: Record<string, unknown> = {}) {
  const app = bed.instance.app;
  if (!app) throw new Error("no app");
  const owner = await registerAccount(app, "gw");
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/api-keys",
    headers: bearer(owner.access_token),
    payload: { name: "gateway key", scopes: ["gateway:invoke"], gateway },
  });
  if (res.statusCode !== 201) throw new Error(`create key failed: ${res.statusCode} ${res.body}`);
  return { owner, key: createdApiKeySchema.parse(res.json()) };
}
