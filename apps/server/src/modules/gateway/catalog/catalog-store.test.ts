import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declaredProviderSchema } from "../../../config/schema.js";
import type { Principal } from "../../../platform/auth/index.js";
import { createMemoryCache } from "../../../platform/cache/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import { waitFor } from "../../../testing/wait-for.js";
import type { CatalogAdmin } from "./admin/catalog-admin.js";
import { createModel } from "./admin/create-model.js";
import { createProvider } from "./admin/create-provider.js";
import { addPriceVersion } from "./admin/prices-admin.js";
import { updateModel } from "./admin/update-model.js";
import { type Catalog, type CatalogOptions, catalogVersionKey, createCatalog } from "./catalog-store.js";

let sql: Sql;
const cache = createMemoryCache();
const logger = createLogger("silent");
const secretKey = randomBytes(32).toString("base64");
const admin: Principal = {
  kind: "user",
  id: "00000000-0000-7000-8000-000000000001",
  userId: "00000000-0000-7000-8000-000000000001",
  scopes: null,
  platformRole: "admin",
  restrictedToSpaceId: null,
};
const declared = [
  declaredProviderSchema.parse({
    name: "local-vllm",
    type: "openai_compatible",
    base_url: "http://127.0.0.1:8000/v1",
    models: ["llama-3.1-8b"],
  }),
];
const started: Catalog[] = [];

function catalog(options: Partial<CatalogOptions> = {}): Catalog {
  const created = createCatalog({
    sql,
    cache,
    secretKey,
    declared,
    defaultTimeoutMs: 30_000,
    logger,
    ...options,
  });
  started.push(created);
  return created;
}
const adminOf = (target: Catalog): CatalogAdmin => ({ catalog: target, sql, logger });

beforeAll(async () => {
  sql = await openTestSql();
});
afterAll(async () => {
  for (const each of started) each.stop();
  await sql?.close();
});

describe("the catalog store", () => {
  it("serves the declared catalog before and after loading the (empty) tables", async () => {
    const only = catalog();
    expect(only.snapshot().resolve("llama-3.1-8b")?.source).toBe("config");
    await only.refresh();
    expect(only.snapshot().models.map((model) => model.name)).toEqual(["llama-3.1-8b"]);
  });

  it("throws a clear error for a declaration that cannot work", () => {
    const bad = [declaredProviderSchema.parse({ name: "x", type: "openai_compatible", models: ["m"] })];
    expect(() => catalog({ declared: bad })).toThrow(/openai_compatible provider needs base_url/);
  });

  it("stores provider keys sealed and decrypts them into the snapshot only", async () => {
    const node = catalog();
    await node.start();
    await createProvider(adminOf(node), admin, {
      name: "openai-main",
      type: "openai",
      api_key: "sk-live-abcdefghijklmnopqrstuvwxyz",
    });
    const [row] = await sql.withSystem((tx) =>
      tx.query<{ api_key_encrypted: string }>(
        "SELECT api_key_encrypted FROM gateway_providers WHERE name = 'openai-main'",
      ),
    );
    expect(row?.api_key_encrypted).toMatch(/^v1\./);
    expect(row?.api_key_encrypted).not.toContain("abcdefghijklmnop");
    expect(node.snapshot().providers.get("openai-main")).toMatchObject({
      apiKey: "sk-live-abcdefghijklmnopqrstuvwxyz",
      baseUrl: "https://api.openai.com/v1",
      timeoutMs: 30_000,
      source: "api",
    });
  });

  it("reaches another node sharing the cache: on sync, and by polling once started", async () => {
    const a = catalog();
    const b = catalog();
    const polling = catalog({ pollMs: 20 });
    await Promise.all([a.start(), b.refresh(), polling.start()]);
    const before = b.snapshot().version;

    const created = await createModel(adminOf(a), admin, {
      name: "shared-model",
      aliases: ["shared"],
      deployments: [{ provider: "local-vllm", upstream_model: "served-name" }],
    });
    expect(a.snapshot().resolve("shared")?.id).toBe(created.id);
    expect(await cache.get(catalogVersionKey)).not.toBeNull();

    expect(b.snapshot().resolve("shared-model")).toBeNull();
    expect(await b.sync()).toBe(true);
    expect(b.snapshot().version).toBeGreaterThan(before);
    expect(b.snapshot().resolve("local-vllm/shared")?.deployments[0]?.upstreamModel).toBe("served-name");
    expect(await b.sync()).toBe(false);

    await waitFor("the polling node to reload", () => polling.snapshot().resolve("shared-model") !== null);
    await updateModel(adminOf(b), admin, created.id, { aliases: ["renamed-alias"] });
    await waitFor(
      "the rename to reach the polling node",
      () => polling.snapshot().resolve("renamed-alias") !== null,
    );
    expect(polling.snapshot().resolve("shared")).toBeNull();
  });

  it("keeps every price version: a new one changes neither the old nor past lookups", async () => {
    const node = catalog();
    await node.start();
    const model = await createModel(adminOf(node), admin, {
      name: "priced-model",
      prices: { input: 1, output: 2, cached_input: 0.5 },
      deployments: [{ provider: "local-vllm" }],
    });
    expect(model.price_version).toBe(1);
    const beforeChange = Date.now();
    const v1 = node.snapshot().priceAt(model.id, beforeChange);
    expect(v1?.prices).toEqual({ input: 1, cachedInput: 0.5, cacheWrite: 1, output: 2, reasoning: 2 });

    const v2 = await addPriceVersion(adminOf(node), admin, model.id, { input: 3, output: 6 });
    expect(v2).toMatchObject({ version: 2, input: 3, cached_input: 3, output: 6 });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const v3 = await addPriceVersion(adminOf(node), admin, model.id, {
      input: 9,
      output: 9,
      effective_from: later,
    });
    expect(v3.version).toBe(3);

    const snapshot = node.snapshot();
    // Current: v2 (v3 is scheduled); past lookups still answer v1; the future answers v3.
    expect(snapshot.resolve("priced-model")).toMatchObject({ priceVersion: 2, prices: { input: 3 } });
    expect(snapshot.priceAt(model.id, new Date(v1?.effectiveFrom ?? 0))?.version).toBe(1);
    expect(snapshot.priceAt(model.id, Date.parse(later) + 1)?.version).toBe(3);
    expect(node.state().nextPriceChangeAt).toBe(Date.parse(later));

    const rows = await sql.withSystem((tx) =>
      tx.query<{ version: number; input: string }>(
        "SELECT version, input FROM gateway_prices WHERE model_id = $1 ORDER BY version",
        [model.id],
      ),
    );
    expect(rows.map((row) => [row.version, Number(row.input)])).toEqual([
      [1, 1],
      [2, 3],
      [3, 9],
    ]);
    await expect(
      sql.withSystem((tx) => tx.query("UPDATE gateway_prices SET input = 0 WHERE model_id = $1", [model.id])),
    ).rejects.toThrow(/immutable/);
  });

  it("fills a created model from the well-known model of that name", async () => {
    const node = catalog();
    await node.start();
    await createProvider(adminOf(node), admin, {
      name: "anthropic-eu",
      type: "anthropic",
      api_key: "sk-ant-123",
    });
    const created = await createModel(adminOf(node), admin, {
      name: "claude-3-5-haiku",
      deployments: [{ provider: "anthropic-eu", upstream_model: "claude-3-5-haiku-20241022" }],
    });
    expect(created).toMatchObject({
      display_name: "Claude 3.5 Haiku",
      context_window: 200_000,
      prices: { input: 0.8, cached_input: 0.08, cache_write: 1, output: 4 },
    });
    expect(created.capabilities).toContain("prompt_caching");
  });
});
