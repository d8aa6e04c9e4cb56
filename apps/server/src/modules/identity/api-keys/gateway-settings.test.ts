import {
  apiKeySchema,
  createdApiKeySchema,
  errorEnvelopeSchema,
  pageSchema,
  type TokenResponse,
} from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import { createMemoryCache } from "../../../platform/cache/index.js";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { bearer, registerAccount } from "../testing/identity-client.js";
import { ApiKeyCache, type CachedApiKey } from "./api-key-cache.js";

/** Echoes what the verifier put on the principal for an API key. */
const keyProbe: AnyRoute = defineRoute({
  method: "GET",
  url: "/api/v1/test/key-settings",
  summary: "Test: the API key on the principal",
  tags: ["test"],
  auth: "required",
  response: z.object({ api_key: z.unknown() }),
  handler: async ({ principal }) => ({ api_key: principal?.apiKey ?? null }),
});

let instance: TestInstance;
let alice: TokenResponse;
let bob: TokenResponse;

const app = (): FastifyInstance => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};

beforeAll(async () => {
  instance = await startTestInstance({ routes: [keyProbe] });
  alice = await registerAccount(app(), "alice");
  bob = await registerAccount(app(), "bob");
});
afterAll(async () => {
  await instance?.close();
});

const settings = {
  allowed_models: ["gpt-4o-mini", "local-vllm/llama-3.1-8b"],
  rpm: 60,
  tpm: 100_000,
  budget_daily_usd: 5,
  budget_monthly_usd: 100.5,
  budget_mode: "soft",
  cache: true,
  guardrail_policy: "redact",
} as const;

async function createKey(owner: TokenResponse, body: Record<string, unknown>) {
  const res = await app().inject({
    method: "POST",
    url: "/api/v1/api-keys",
    headers: bearer(owner.access_token),
    payload: { name: "gateway key", scopes: ["gateway:invoke"], ...body },
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return createdApiKeySchema.parse(res.json());
}

const patchKey = (owner: TokenResponse, id: string, payload: unknown) =>
  app().inject({
    method: "PATCH",
    url: `/api/v1/api-keys/${id}`,
    headers: bearer(owner.access_token),
    payload: payload as object,
  });
const principalKey = async (secret: string) => {
  const res = await app().inject({
    method: "GET",
    url: "/api/v1/test/key-settings",
    headers: bearer(secret),
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { api_key: unknown }).api_key;
};

describe("API key gateway settings", () => {
  it("are stored at creation, listed, and carried on the verified principal", async () => {
    const key = await createKey(alice, { gateway: settings });
    expect(key.gateway).toEqual(settings);
    const list = await app().inject({
      method: "GET",
      url: "/api/v1/api-keys",
      headers: bearer(alice.access_token),
    });
    const listed = pageSchema(apiKeySchema.strict())
      .parse(list.json())
      .data.find((k) => k.id === key.id);
    expect(listed?.gateway).toEqual(settings);
    const expected = { tenantId: alice.user.personal_tenant_id, spaceId: null, gateway: settings };
    expect(await principalKey(key.secret)).toEqual(expected);
    // The second call is served from the key cache and carries the same settings.
    expect(await principalKey(key.secret)).toEqual(expected);
  });

  it("default to none, and a space-bound key acts for its space's tenant", async () => {
    const plain = await createKey(alice, {});
    expect(plain.gateway).toEqual({});
    expect(await principalKey(plain.secret)).toMatchObject({ gateway: {}, spaceId: null });
    const bound = await createKey(alice, { space_id: alice.user.personal_space_id });
    expect(await principalKey(bound.secret)).toMatchObject({
      spaceId: alice.user.personal_space_id,
      tenantId: alice.user.personal_tenant_id,
    });
  });

  it("are replaced by PATCH, at once for the next call", async () => {
    const key = await createKey(alice, { gateway: settings });
    expect(await principalKey(key.secret)).toMatchObject({ gateway: settings });
    const res = await patchKey(alice, key.id, { gateway: { rpm: 5, budget_daily_usd: 1 }, name: "renamed" });
    expect(res.statusCode, res.body).toBe(200);
    expect(apiKeySchema.parse(res.json())).toMatchObject({
      name: "renamed",
      gateway: { rpm: 5, budget_daily_usd: 1 },
    });
    expect(await principalKey(key.secret)).toMatchObject({ gateway: { rpm: 5, budget_daily_usd: 1 } });
    const renameOnly = await patchKey(alice, key.id, { name: "again" });
    expect(apiKeySchema.parse(renameOnly.json()).gateway).toEqual({ rpm: 5, budget_daily_usd: 1 });
  });

  it("can be changed only on the caller's live keys", async () => {
    const key = await createKey(alice, { gateway: settings });
    expect((await patchKey(bob, key.id, { gateway: {} })).statusCode).toBe(404);
    await app().inject({
      method: "DELETE",
      url: `/api/v1/api-keys/${key.id}`,
      headers: bearer(alice.access_token),
    });
    const revoked = await patchKey(alice, key.id, { gateway: {} });
    expect(revoked.statusCode).toBe(409);
    errorEnvelopeSchema.parse(revoked.json());
    const narrow = await createKey(alice, {});
    const byKey = await app().inject({
      method: "PATCH",
      url: `/api/v1/api-keys/${narrow.id}`,
      headers: bearer(narrow.secret),
      payload: { gateway: { rpm: 1_000_000 } },
    });
    expect(byKey.statusCode).toBe(403);
  });

  it("refuses invalid settings with 400", async () => {
    const key = await createKey(alice, {});
    const bad: unknown[] = [
      { rpm: 0 },
      { rpm: 1.5 },
      { tpm: -1 },
      { budget_daily_usd: 0 },
      { budget_mode: "maybe" },
      { guardrail_policy: "strict" },
      { allowed_models: [""] },
      { allowed_models: ["a", "a"] },
      { cache: "yes" },
      { unknown_field: 1 },
    ];
    for (const gateway of bad) {
      const created = await app().inject({
        method: "POST",
        url: "/api/v1/api-keys",
        headers: bearer(alice.access_token),
        payload: { name: "x", scopes: ["gateway:invoke"], gateway },
      });
      expect(created.statusCode, JSON.stringify(gateway)).toBe(400);
      expect((await patchKey(alice, key.id, { gateway })).statusCode, JSON.stringify(gateway)).toBe(400);
    }
    expect((await patchKey(alice, key.id, {})).statusCode).toBe(400);
  });
});

describe("the key cache", () => {
  it("treats an entry cached without gateway settings as a miss", async () => {
    const cache = createMemoryCache();
    const keys = new ApiKeyCache(cache);
    await cache.set(
      "identity:api-key:0011223344556677",
      JSON.stringify({ id: "k", userId: "u", secretHash: "h", scopes: [], spaceId: null, expiresAt: null }),
      1_000,
    );
    expect(await keys.get("0011223344556677")).toBeNull();
  });

  it("renews an entry in use, but never over a tombstone or a newer replacement", async () => {
    const cache = createMemoryCache();
    const keys = new ApiKeyCache(cache);
    const prefix = "8899aabbccddeeff";
    const key = (name: string): CachedApiKey => ({
      id: name,
      userId: "u",
      secretHash: "h",
      scopes: [],
      spaceId: null,
      tenantId: "t",
      gateway: {},
      expiresAt: null,
    });
    const entry = async () => {
      const found = await keys.get(prefix);
      if (!found || found === "revoked") throw new Error(`expected a cached key, got ${String(found)}`);
      return found;
    };
    await keys.remember(prefix, key("v1"));
    const first = await entry();
    expect(first.key.id).toBe("v1");
    expect(keys.isDue(first)).toBe(false);
    expect(keys.isDue({ ...first, cachedAt: Date.now() - 800 })).toBe(true);
    // An entry written by an older version carries no age: it is due at once.
    expect(keys.isDue({ ...first, cachedAt: 0 })).toBe(true);

    await keys.refresh(prefix, first, key("v2"));
    const second = await entry();
    expect(second.key.id).toBe("v2");

    // A change committed after the background read was taken wins over it.
    await keys.replace(prefix, key("v3"));
    await keys.refresh(prefix, second, key("stale"));
    const third = await entry();
    expect(third.key.id).toBe("v3");

    // So does a revocation.
    await keys.forget(prefix);
    await keys.refresh(prefix, third, key("stale"));
    expect(await keys.get(prefix)).toBe("revoked");
  });

  it("keeps an entry a minute where revocation reaches every node, a second where it cannot", async () => {
    const cachedAt = Date.now();
    const entry = { key: {} as CachedApiKey, raw: "", cachedAt };
    // Per-node memory (several processes, no Redis): renewed after ¾ of a second.
    const perNode = new ApiKeyCache(createMemoryCache());
    expect(perNode.isDue({ ...entry, cachedAt: cachedAt - 800 })).toBe(true);
    // The memory of a deployment that is one process (embedded database), as Redis: ¾ of a minute.
    const sole = new ApiKeyCache(createMemoryCache({ soleProcess: true }));
    expect(sole.isDue({ ...entry, cachedAt: cachedAt - 800 })).toBe(false);
    expect(sole.isDue({ ...entry, cachedAt: cachedAt - 46_000 })).toBe(true);
  });
});
