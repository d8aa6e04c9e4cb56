import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EmbeddingConfig } from "../../../config/index.js";
import { AppError } from "../../../platform/errors/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { createMetrics } from "../../../platform/telemetry/metrics.js";
import { openTestSql } from "../../../testing/test-sql.js";
import { testEmbeddingConfig } from "../testing/test-embedding-config.js";
import { chooseProviderKind } from "./choose-provider.js";
import type { EmbeddingService } from "./embedding-port.js";
import { createEmbeddingService } from "./embedding-service.js";
import { createLexicalEmbedder } from "./providers/lexical-embedder.js";
import { type EmbeddingWireServer, startEmbeddingWireServer } from "./testing/embedding-wire-server.js";

const baseConfig: EmbeddingConfig = testEmbeddingConfig();

let sql: Sql;
let server: EmbeddingWireServer;
const services: EmbeddingService[] = [];
let tenantCounter = 0;
const newTenant = () => {
  tenantCounter += 1;
  return `tenant_${Date.now()}${tenantCounter}`;
};

beforeAll(async () => {
  // embedding_cache stores pgvector values: PGlite has pgvector in every lane.
  sql = await openTestSql("pglite");
  server = await startEmbeddingWireServer({ dimensions: 16 });
});
afterAll(async () => {
  for (const service of services) await service.close();
  await server?.close();
  await sql?.close();
});
beforeEach(() => server.reset());

function captureLogs() {
  const lines: Array<{ level: number; msg: string }> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger("info", destination), lines };
}

async function service(config: Partial<EmbeddingConfig> = {}, logger = createLogger("silent")) {
  const created = await createEmbeddingService({
    config: { ...baseConfig, ...config },
    sql,
    logger,
    retryBaseDelayMs: 5,
  });
  services.push(created);
  return created;
}

const remote = (config: Partial<EmbeddingConfig> = {}) =>
  service({ baseUrl: `${server.url}/v1`, apiKey: "sk-test", model: "acme-embed", dimensions: 16, ...config });

describe("choosing the provider (spec G16)", () => {
  it("honours EMBEDDING_PROVIDER, else a model dir, else a base URL or key, else lexical", () => {
    expect(chooseProviderKind({ ...baseConfig, provider: "ollama", modelDir: "/models" })).toBe("ollama");
    expect(chooseProviderKind({ ...baseConfig, provider: "lexical", baseUrl: "http://x" })).toBe("lexical");
    expect(chooseProviderKind({ ...baseConfig, modelDir: "/models", baseUrl: "http://x" })).toBe("onnx");
    expect(chooseProviderKind({ ...baseConfig, baseUrl: "http://x" })).toBe("openai_compatible");
    expect(chooseProviderKind({ ...baseConfig, apiKey: "sk" })).toBe("openai_compatible");
    expect(chooseProviderKind(baseConfig)).toBe("lexical");
  });
});

describe("the embedding service", () => {
  it("falls back to the lexical embedder, loudly, when nothing is configured", async () => {
    const { logger, lines } = captureLogs();
    const embeddings = await service({}, logger);
    expect(embeddings.defaultModel).toEqual({
      name: "lexical-hash-v1",
      provider: "lexical",
      dimensions: 384,
      fallback: true,
    });
    expect(embeddings.models()).toEqual([embeddings.defaultModel]);
    const warning = lines.find((line) => line.level === 40);
    expect(warning?.msg).toMatch(
      /^no embedding model configured: using the built-in lexical embedder lexical-hash-v1/,
    );
    expect(warning?.msg).toContain("EMBEDDING_MODEL_DIR");
    expect(warning?.msg).toContain("EMBEDDING_BASE_URL");

    const result = await embeddings.embed({
      tenantId: newTenant(),
      texts: ["  Hello\n\n world ", "hello world"],
    });
    expect(result).toMatchObject({ model: "lexical-hash-v1", dimensions: 384, tokens: 0, cached: 0 });
    expect(result.vectors[0]).toEqual(createLexicalEmbedder().embed(["Hello world"])[0]);
  });

  it("EMBEDDING_DIMENSIONS sizes the lexical embedder; every lexical size stays describable", async () => {
    const embeddings = await service({ provider: "lexical", dimensions: 256 });
    expect(embeddings.defaultModel.name).toBe("lexical-hash-v1-256");
    expect(embeddings.models().map((model) => model.name)).toEqual([
      "lexical-hash-v1-256",
      "lexical-hash-v1",
    ]);
    expect(embeddings.describe("lexical-hash-v1-512")?.dimensions).toBe(512);
    const result = await embeddings.embed({ tenantId: newTenant(), model: "lexical-hash-v1", texts: ["x"] });
    expect(result.vectors[0]).toHaveLength(384);
  });

  it("lists the configured model and the lexical one, and refuses unknown models with the list", async () => {
    const embeddings = await remote({
      model: "sentence-transformers/all-MiniLM-L6-v2",
      dimensions: undefined,
    });
    expect(embeddings.models().map((model) => [model.name, model.dimensions])).toEqual([
      ["sentence-transformers/all-MiniLM-L6-v2", 384],
      ["lexical-hash-v1", 384],
    ]);
    expect(embeddings.describe("all-MiniLM-L6-v2")?.name).toBe("sentence-transformers/all-MiniLM-L6-v2");
    expect(embeddings.describe("text-embedding-3-large")).toBeUndefined();
    const error = await embeddings
      .embed({ tenantId: newTenant(), model: "nope", texts: ["x"] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "INVALID_SEARCH_PARAMS",
      details: { model: "nope", known_models: ["sentence-transformers/all-MiniLM-L6-v2", "lexical-hash-v1"] },
    });
  });

  it("batches by EMBEDDING_BATCH_SIZE, embeds repeats once and keeps the input order", async () => {
    const embeddings = await remote({ batchSize: 2 });
    const texts = ["one", "two", "three", "two", "four", "five"];
    const result = await embeddings.embed({ tenantId: newTenant(), texts });
    expect(server.calls.map((call) => call.body.input?.length)).toEqual([2, 2, 1]);
    expect(result.vectors[1]).toEqual(result.vectors[3]);
    const [single] = (await embeddings.embed({ tenantId: newTenant(), texts: ["five"] })).vectors;
    expect(result.vectors[5]).toEqual(single);
    expect(result.tokens).toBe(5);
  });

  it("runs at most EMBEDDING_MAX_CONCURRENT provider calls at once, across callers", async () => {
    const slow = await startEmbeddingWireServer({ dimensions: 16, delayMs: 60 });
    try {
      const embeddings = await service({
        baseUrl: `${slow.url}/v1`,
        model: "acme",
        dimensions: 16,
        batchSize: 1,
        maxConcurrent: 2,
      });
      const tenant = newTenant();
      await Promise.all([
        embeddings.embed({ tenantId: tenant, texts: ["a", "b", "c"] }),
        embeddings.embed({ tenantId: tenant, texts: ["d", "e", "f"] }),
      ]);
      expect(slow.calls).toHaveLength(6);
      expect(slow.maxInFlight()).toBe(2);
    } finally {
      await slow.close();
    }
  });

  it("answers repeats from the cache by content hash, in memory and in the tenant's table", async () => {
    const embeddings = await remote();
    const tenant = newTenant();
    const first = await embeddings.embed({ tenantId: tenant, texts: ["cached text", "other text"] });
    expect(first.cached).toBe(0);
    expect(first.tokens).toBeGreaterThan(0);
    // Whitespace and compatibility forms normalise to the same content.
    const again = await embeddings.embed({
      tenantId: tenant,
      texts: ["cached   text", "ｃａｃｈｅｄ text", "new text"],
    });
    expect(again.cached).toBe(2);
    expect(again.vectors[0]).toEqual(first.vectors[0]);
    expect(again.vectors[1]).toEqual(first.vectors[0]);
    expect(server.calls.map((call) => call.body.input)).toEqual([
      ["cached text", "other text"],
      ["new text"],
    ]);
    expect(again.tokens).toBe(2);

    // A fresh service (a restart: empty memory) reads the table.
    const restarted = await remote({ cacheEntries: 0 });
    const fromTable = await restarted.embed({ tenantId: tenant, texts: ["other text"] });
    expect(fromTable).toMatchObject({ cached: 1, tokens: 0 });
    expect(fromTable.vectors[0]).toEqual(first.vectors[1]);
    expect(server.calls).toHaveLength(2);
    const rows = await sql.withTenant(tenant, (tx) =>
      tx.query<{ n: number }>("SELECT count(*)::int AS n FROM embedding_cache WHERE tenant_id = $1", [
        tenant,
      ]),
    );
    expect(rows[0]?.n).toBe(3);
  });

  it("never answers one tenant from another tenant's cache", async () => {
    const embeddings = await remote();
    await embeddings.embed({ tenantId: newTenant(), texts: ["shared secret text"] });
    const other = await embeddings.embed({ tenantId: newTenant(), texts: ["shared secret text"] });
    expect(other.cached).toBe(0);
    expect(server.calls).toHaveLength(2);
  });

  it("does not cache the lexical embedder (computing is cheaper than reading)", async () => {
    const embeddings = await service();
    const tenant = newTenant();
    await embeddings.embed({ tenantId: tenant, texts: ["lexical text"] });
    expect((await embeddings.embed({ tenantId: tenant, texts: ["lexical text"] })).cached).toBe(0);
  });

  it("cuts remote inputs to 8000 tokens and counts them", async () => {
    const embeddings = await remote();
    const long = "word ".repeat(9000);
    const result = await embeddings.embed({ tenantId: newTenant(), texts: [long] });
    expect(result.tokens).toBe(8000);
    const sent = server.calls[0]?.body.input?.[0] ?? "";
    expect(sent.length).toBeLessThan(long.length);
    expect(sent.startsWith("word word")).toBe(true);
  });

  it("refuses a text that is only whitespace", async () => {
    const embeddings = await service();
    await expect(embeddings.embed({ tenantId: newTenant(), texts: ["ok", " \n\t "] })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
      details: { index: 1 },
    });
  });

  it("surfaces provider failures as EMBEDDING_FAILED and counts them", async () => {
    const metrics = createMetrics();
    const embeddings = await createEmbeddingService({
      config: { ...baseConfig, baseUrl: `${server.url}/v1`, model: "acme-embed", dimensions: 16 },
      sql,
      logger: createLogger("silent"),
      metrics,
      retryBaseDelayMs: 5,
    });
    services.push(embeddings);
    await embeddings.embed({ tenantId: newTenant(), texts: ["fine"] });
    server.script({ status: 400, body: { error: { message: "input too long" } } });
    await expect(embeddings.embed({ tenantId: newTenant(), texts: ["bad"] })).rejects.toMatchObject({
      code: "EMBEDDING_FAILED",
      message: expect.stringContaining("input too long"),
    });
    const exposition = await metrics.registry.metrics();
    expect(exposition).toContain(
      'embedding_errors_total{provider="openai_compatible",model="acme-embed",error_type="rejected"} 1',
    );
    expect(exposition).toMatch(/embedding_tokens_total\{provider="openai_compatible",model="acme-embed"\} 1/);
    expect(exposition).toContain(
      'embedding_generation_seconds_count{provider="openai_compatible",model="acme-embed"} 1',
    );
  });
});
