import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  createdApiKeySchema,
  errorEnvelopeSchema,
  gatewayModelSchema,
  gatewayPriceHistorySchema,
  gatewayPriceVersionSchema,
  gatewayProviderSchema,
  pageSchema,
  type TokenResponse,
} from "@tributary/contracts";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declaredProviderSchema } from "../../../config/schema.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { bearer, registerAccount } from "../../identity/testing/identity-client.js";
import { type Catalog, createCatalog } from "../catalog/catalog-store.js";
import type { CatalogSnapshot } from "../catalog/types.js";

const declaredKey = "sk-declared-0123456789abcdefXYZW";
const storedKey = "sk-stored-9876543210fedcbaQRST";
const headerSecret = "azure-header-secret-0123456789";
const secrets = [declaredKey, storedKey, headerSecret];
const declared = [
  {
    name: "openai",
    type: "openai",
    api_key: declaredKey,
    models: [{ name: "gpt-4o-mini", aliases: ["mini"] }],
  },
];

let instance: TestInstance;
/** A second catalog on the instance's database and cache: what another node would see. */
let observer: Catalog;
let admin: TokenResponse;
let member: TokenResponse;
/** Every response body, to check no secret was ever returned. */
const bodies: string[] = [];

const app = (): FastifyInstance => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
/** The other node's snapshot once it caught up (one cache read, as its poll would do). */
async function observed(): Promise<CatalogSnapshot> {
  await observer.sync();
  return observer.snapshot();
}
type Method = "GET" | "POST" | "PATCH" | "DELETE";
async function call(
  method: Method,
  url: string,
  token: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const res = await app().inject({
    method,
    url,
    headers: bearer(token),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  bodies.push(res.body);
  return res;
}
const asAdmin = (method: Method, url: string, payload?: unknown) =>
  call(method, url, admin.access_token, payload);

beforeAll(async () => {
  const secretKey = randomBytes(32).toString("base64");
  instance = await startTestInstance({
    env: {
      TRIBUTARY_SECRET_KEY: secretKey,
      TRIBUTARY_PROVIDERS: JSON.stringify(declared),
      GATEWAY_UPSTREAM_TIMEOUT_MS: "60000",
    },
  });
  observer = createCatalog({
    sql: instance.resources.sql,
    cache: instance.resources.cache,
    secretKey,
    declared: declared.map((item) => declaredProviderSchema.parse(item)),
    defaultTimeoutMs: 60_000,
    logger: createLogger("silent"),
  });
  await observer.refresh();
  admin = await registerAccount(app(), "admin");
  member = await registerAccount(app(), "member");
  expect(admin.user.platform_role).toBe("admin");
});
afterAll(async () => {
  await instance?.close();
});

const listProviders = async () =>
  pageSchema(gatewayProviderSchema).parse((await asAdmin("GET", "/api/v1/gateway/providers")).json()).data;
const listModels = async () =>
  pageSchema(gatewayModelSchema).parse((await asAdmin("GET", "/api/v1/gateway/models?limit=100")).json())
    .data;

describe("access", () => {
  it("is for platform admins only", async () => {
    const id = "01234567-89ab-7def-8123-456789abcdef";
    const calls: Array<[Method, string, unknown?]> = [
      ["GET", "/api/v1/gateway/providers"],
      ["POST", "/api/v1/gateway/providers", { name: "x", type: "openai" }],
      ["GET", `/api/v1/gateway/providers/${id}`],
      ["PATCH", `/api/v1/gateway/providers/${id}`, { enabled: false }],
      ["DELETE", `/api/v1/gateway/providers/${id}`],
      ["GET", "/api/v1/gateway/models"],
      ["POST", "/api/v1/gateway/models", { name: "m", deployments: [{ provider: "openai" }] }],
      ["GET", `/api/v1/gateway/models/${id}`],
      ["PATCH", `/api/v1/gateway/models/${id}`, { quality_rank: 1 }],
      ["DELETE", `/api/v1/gateway/models/${id}`],
      ["GET", `/api/v1/gateway/models/${id}/prices`],
      ["POST", `/api/v1/gateway/models/${id}/prices`, { input: 1, output: 1 }],
    ];
    for (const [method, url, payload] of calls) {
      const res = await call(method, url, member.access_token, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      errorEnvelopeSchema.parse(res.json());
      const anonymous = await app().inject({
        method,
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("accepts an admin's API key only with the admin scope", async () => {
    const keyWith = async (scopes: string[]) => {
      const res = await asAdmin("POST", "/api/v1/api-keys", { name: "ops", scopes });
      return createdApiKeySchema.parse(res.json()).secret;
    };
    const withAdmin = await keyWith(["admin"]);
    expect((await call("GET", "/api/v1/gateway/models", withAdmin)).statusCode).toBe(200);
    const without = await keyWith(["gateway:invoke"]);
    expect((await call("GET", "/api/v1/gateway/models", without)).statusCode).toBe(403);
  });
});

describe("providers", () => {
  it("lists declared providers as read-only, with a key hint but never the key", async () => {
    const declared = (await listProviders()).find((provider) => provider.name === "openai");
    expect(declared).toMatchObject({
      type: "openai",
      base_url: "https://api.openai.com/v1",
      has_api_key: true,
      api_key_hint: "…XYZW",
      source: "config",
      created_at: null,
      timeout_ms: 60_000,
    });
    const id = declared?.id ?? "";
    const patch = await asAdmin("PATCH", `/api/v1/gateway/providers/${id}`, { enabled: false });
    expect(patch.statusCode).toBe(409);
    expect(errorEnvelopeSchema.parse(patch.json()).error.message).toMatch(/declared in configuration/);
    expect((await asAdmin("DELETE", `/api/v1/gateway/providers/${id}`)).statusCode).toBe(409);
    expect((await asAdmin("GET", `/api/v1/gateway/providers/${id}`)).statusCode).toBe(200);
  });

  it("are created, read, changed and deleted; keys are sealed and never returned", async () => {
    const created = await asAdmin("POST", "/api/v1/gateway/providers", {
      name: "azure-east",
      type: "openai_compatible",
      base_url: "https://azure.example.test/openai/",
      api_key: storedKey,
      headers: { "api-key": headerSecret, "x-org": "acme" },
      timeout_ms: 9000,
    });
    expect(created.statusCode, created.body).toBe(201);
    const provider = gatewayProviderSchema.strict().parse(created.json());
    expect(provider).toMatchObject({
      name: "azure-east",
      base_url: "https://azure.example.test/openai",
      has_api_key: true,
      api_key_hint: "…QRST",
      headers: { "api-key": "…6789", "x-org": "acme" },
      timeout_ms: 9000,
      enabled: true,
      source: "api",
    });
    expect((await observed()).providers.get("azure-east")?.apiKey).toBe(storedKey);

    const got = await asAdmin("GET", `/api/v1/gateway/providers/${provider.id}`);
    expect(gatewayProviderSchema.parse(got.json()).id).toBe(provider.id);

    const changed = await asAdmin("PATCH", `/api/v1/gateway/providers/${provider.id}`, {
      name: "azure-west",
      api_key: null,
      enabled: false,
      timeout_ms: null,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(gatewayProviderSchema.parse(changed.json())).toMatchObject({
      name: "azure-west",
      has_api_key: false,
      api_key_hint: null,
      enabled: false,
      timeout_ms: 60_000,
    });
    expect((await observed()).providers.has("azure-east")).toBe(false);
    expect((await observed()).providers.get("azure-west")?.enabled).toBe(false);

    const noUrl = await asAdmin("PATCH", `/api/v1/gateway/providers/${provider.id}`, { base_url: null });
    expect(noUrl.statusCode).toBe(400);

    expect((await asAdmin("DELETE", `/api/v1/gateway/providers/${provider.id}`)).statusCode).toBe(204);
    expect((await asAdmin("GET", `/api/v1/gateway/providers/${provider.id}`)).statusCode).toBe(404);
    expect((await asAdmin("DELETE", `/api/v1/gateway/providers/${provider.id}`)).statusCode).toBe(404);
  });

  it("refuses bad input, taken names and providers that still serve models", async () => {
    const bad: unknown[] = [
      { name: "x", type: "openai_compatible" },
      { name: "Upper", type: "openai" },
      { name: "x", type: "cohere" },
      { name: "x", type: "openai", base_url: "ftp://example.test" },
      { name: "x", type: "openai", api_key: "" },
      { name: "x", type: "openai", surprise: true },
    ];
    for (const payload of bad) {
      const res = await asAdmin("POST", "/api/v1/gateway/providers", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(
      (await asAdmin("POST", "/api/v1/gateway/providers", { name: "openai", type: "openai" })).statusCode,
    ).toBe(409);
    const created = await asAdmin("POST", "/api/v1/gateway/providers", { name: "busy", type: "anthropic" });
    expect(
      (await asAdmin("POST", "/api/v1/gateway/providers", { name: "busy", type: "openai" })).statusCode,
    ).toBe(409);
    const busy = gatewayProviderSchema.parse(created.json());
    expect(busy.base_url).toBe("https://api.anthropic.com");
    const model = await asAdmin("POST", "/api/v1/gateway/models", {
      name: "busy-model",
      deployments: [{ provider: "busy" }],
    });
    expect(model.statusCode, model.body).toBe(201);
    const refused = await asAdmin("DELETE", `/api/v1/gateway/providers/${busy.id}`);
    expect(refused.statusCode).toBe(409);
    expect(errorEnvelopeSchema.parse(refused.json()).error.details).toEqual({ models: ["busy-model"] });
    expect((await asAdmin("PATCH", `/api/v1/gateway/providers/${busy.id}`, {})).statusCode).toBe(400);
  });
});

describe("models", () => {
  it("list declared models as read-only", async () => {
    const mini = (await listModels()).find((model) => model.name === "gpt-4o-mini");
    expect(mini).toMatchObject({
      source: "config",
      aliases: ["mini"],
      price_version: 1,
      prices: { input: 0.15, cached_input: 0.075, output: 0.6 },
      deployments: [{ provider: "openai", upstream_model: "gpt-4o-mini", weight: 1, enabled: true }],
    });
    const id = mini?.id ?? "";
    for (const [method, payload] of [
      ["PATCH", { quality_rank: 1 }],
      ["DELETE", undefined],
    ] as const) {
      expect((await asAdmin(method, `/api/v1/gateway/models/${id}`, payload)).statusCode).toBe(409);
    }
    expect(
      (await asAdmin("POST", `/api/v1/gateway/models/${id}/prices`, { input: 1, output: 1 })).statusCode,
    ).toBe(409);
    const history = gatewayPriceHistorySchema.parse(
      (await asAdmin("GET", `/api/v1/gateway/models/${id}/prices`)).json(),
    );
    expect(history.data).toEqual([expect.objectContaining({ version: 1, input: 0.15, created_at: null })]);
  });

  it("are created with deployments, aliases, prices and capabilities, then changed and deleted", async () => {
    await asAdmin("POST", "/api/v1/gateway/providers", {
      name: "vllm-a",
      type: "openai_compatible",
      base_url: "http://10.0.0.1:8000/v1",
    });
    const created = await asAdmin("POST", "/api/v1/gateway/models", {
      name: "llama-3.1-70b",
      display_name: "Llama 3.1 70B",
      aliases: ["llama-big"],
      capabilities: ["functions", "streaming"],
      context_window: 131_072,
      max_output_tokens: 8192,
      quality_rank: 75,
      tags: ["open-weights"],
      prices: { input: 0.5, output: 0.75 },
      deployments: [
        { provider: "vllm-a", upstream_model: "meta-llama/Llama-3.1-70B-Instruct", weight: 3 },
        { provider: "openai", upstream_model: "llama-on-openai", weight: 1, enabled: false },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const model = gatewayModelSchema.strict().parse(created.json());
    expect(model).toMatchObject({
      display_name: "Llama 3.1 70B",
      kind: "chat",
      aliases: ["llama-big"],
      capabilities: ["functions", "streaming"],
      context_window: 131_072,
      quality_rank: 75,
      prices: { input: 0.5, cached_input: 0.5, cache_write: 0.5, output: 0.75, reasoning: 0.75 },
      price_version: 1,
      source: "api",
    });
    expect(model.deployments.map((d) => [d.provider, d.weight, d.enabled])).toEqual([
      ["vllm-a", 3, true],
      ["openai", 1, false],
    ]);

    const snapshot = await observed();
    expect(snapshot.resolve("llama-big")?.id).toBe(model.id);
    expect(snapshot.resolve("openai/llama-3.1-70b")?.deployments.map((d) => d.upstreamModel)).toEqual([
      "llama-on-openai",
    ]);

    const changed = await asAdmin("PATCH", `/api/v1/gateway/models/${model.id}`, {
      aliases: ["llama-xl", "l70"],
      deployments: [{ provider: "vllm-a", upstream_model: "llama-70b-awq" }],
      quality_rank: 70,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(gatewayModelSchema.parse(changed.json())).toMatchObject({
      aliases: ["l70", "llama-xl"],
      quality_rank: 70,
      display_name: "Llama 3.1 70B",
      deployments: [{ provider: "vllm-a", upstream_model: "llama-70b-awq", weight: 1 }],
    });
    expect((await observed()).resolve("llama-big")).toBeNull();
    expect((await observed()).resolve("l70")?.id).toBe(model.id);
    expect(
      (await asAdmin("PATCH", `/api/v1/gateway/models/${model.id}`, { prices: { input: 1, output: 1 } }))
        .statusCode,
    ).toBe(400);

    expect((await asAdmin("DELETE", `/api/v1/gateway/models/${model.id}`)).statusCode).toBe(204);
    expect((await asAdmin("GET", `/api/v1/gateway/models/${model.id}`)).statusCode).toBe(404);
    expect((await observed()).resolve("l70")).toBeNull();
  });

  it("refuse names that are taken and deployments that cannot work", async () => {
    const deployments = [{ provider: "openai" }];
    const cases: Array<[unknown, number]> = [
      [{ name: "gpt-4o-mini", deployments }, 409],
      [{ name: "mini", deployments }, 409],
      [{ name: "fresh", aliases: ["mini"], deployments }, 409],
      [{ name: "fresh", aliases: ["fresh"], deployments }, 400],
      [{ name: "fresh", deployments: [{ provider: "nobody" }] }, 400],
      [{ name: "fresh", deployments: [] }, 400],
      [{ name: "fresh", deployments: [{ provider: "openai" }, { provider: "openai" }] }, 400],
      [{ name: "has space", deployments }, 400],
      [{ name: "fresh", capabilities: ["telepathy"], deployments }, 400],
      [{ name: "fresh", prices: { input: -1, output: 1 }, deployments }, 400],
    ];
    for (const [payload, status] of cases) {
      const res = await asAdmin("POST", "/api/v1/gateway/models", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      errorEnvelopeSchema.parse(res.json());
    }
    const local = await asAdmin("POST", "/api/v1/gateway/providers", { name: "gguf", type: "local" });
    expect(local.statusCode).toBe(201);
    const noPath = await asAdmin("POST", "/api/v1/gateway/models", {
      name: "tiny",
      deployments: [{ provider: "gguf" }],
    });
    expect(noPath.statusCode).toBe(400);
    const withPath = await asAdmin("POST", "/api/v1/gateway/models", {
      name: "tiny",
      deployments: [{ provider: "gguf", model_path: "/models/tiny.gguf" }],
    });
    expect(gatewayModelSchema.parse(withPath.json())).toMatchObject({
      capabilities: ["streaming"],
      prices: { input: 0, output: 0 },
      deployments: [{ model_path: "/models/tiny.gguf" }],
    });
  });
});

describe("the price book", () => {
  it("adds versions without changing earlier ones, and lists the history newest first", async () => {
    const created = await asAdmin("POST", "/api/v1/gateway/models", {
      name: "priced",
      prices: { input: 2, output: 4, cached_input: 1 },
      deployments: [{ provider: "openai" }],
    });
    const model = gatewayModelSchema.parse(created.json());
    // Prices take effect at millisecond resolution: keep v1At strictly between the two versions.
    await sleep(5);
    const v1At = Date.now();
    await sleep(5);
    const added = await asAdmin("POST", `/api/v1/gateway/models/${model.id}/prices`, {
      input: 3,
      output: 5,
      reasoning: 7,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(gatewayPriceVersionSchema.parse(added.json())).toMatchObject({
      version: 2,
      input: 3,
      cached_input: 3,
      output: 5,
      reasoning: 7,
    });
    const history = gatewayPriceHistorySchema.parse(
      (await asAdmin("GET", `/api/v1/gateway/models/${model.id}/prices`)).json(),
    );
    expect(history.data.map((price) => [price.version, price.input, price.cached_input])).toEqual([
      [2, 3, 3],
      [1, 2, 1],
    ]);
    const current = gatewayModelSchema.parse(
      (await asAdmin("GET", `/api/v1/gateway/models/${model.id}`)).json(),
    );
    expect(current).toMatchObject({ price_version: 2, prices: { input: 3 } });
    expect((await observed()).priceAt(model.id, v1At)?.prices.input).toBe(2);

    const past = await asAdmin("POST", `/api/v1/gateway/models/${model.id}/prices`, {
      input: 1,
      output: 1,
      effective_from: "2020-01-01T00:00:00Z",
    });
    expect(past.statusCode).toBe(400);
  });
});

describe("secrets", () => {
  it("never appear in any response", () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
  });
});
