import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../../../platform/errors/index.js";
import type { HttpCallPolicy } from "../embedding-provider.js";
import { type EmbeddingWireServer, startEmbeddingWireServer } from "../testing/embedding-wire-server.js";
import { createOllamaProvider } from "./ollama-provider.js";
import { createOpenAiCompatibleProvider } from "./openai-compatible-provider.js";

let server: EmbeddingWireServer;
const policy: HttpCallPolicy = { timeoutMs: 2000, maxRetries: 3, retryMaxWaitMs: 1000, baseDelayMs: 10 };

beforeAll(async () => {
  server = await startEmbeddingWireServer({ dimensions: 16 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const openAi = (overrides: Partial<Parameters<typeof createOpenAiCompatibleProvider>[0]> = {}) =>
  createOpenAiCompatibleProvider({
    baseUrl: `${server.url}/v1`,
    apiKey: "sk-test",
    model: "text-embedding-3-small",
    dimensions: 16,
    policy,
    ...overrides,
  });

describe("the OpenAI-compatible provider", () => {
  it("speaks the wire format: input array, model, dimensions, Bearer key, order by index", async () => {
    const provider = await openAi();
    const vectors = await provider.embedBatch(["alpha beta", "gamma delta", "epsilon"]);
    expect(provider.model).toEqual({
      name: "text-embedding-3-small",
      provider: "openai_compatible",
      dimensions: 16,
      fallback: false,
    });
    expect(vectors).toHaveLength(3);
    const [single] = await provider.embedBatch(["gamma delta"]);
    expect(vectors[1]).toEqual(single);
    const [call] = server.calls;
    expect(call?.path).toBe("/v1/embeddings");
    expect(call?.headers.authorization).toBe("Bearer sk-test");
    expect(call?.body).toEqual({
      model: "text-embedding-3-small",
      input: ["alpha beta", "gamma delta", "epsilon"],
      dimensions: 16,
    });
  });

  it("takes known models' dimensions from its table and does not send them", async () => {
    const provider = await openAi({ dimensions: undefined, model: "text-embedding-3-large" });
    expect(provider.model.dimensions).toBe(3072);
    const native = await openAi({ dimensions: 1536 });
    expect(native.model.dimensions).toBe(1536);
    expect(server.calls).toHaveLength(0);
    await expect(native.embedBatch(["x"])).rejects.toThrow(/expected vectors of 1536 dimensions, got 16/);
    expect(server.calls[0]?.body.dimensions).toBeUndefined();
  });

  it("probes an unknown model's dimensions once", async () => {
    const provider = await openAi({ dimensions: undefined, model: "acme-embed" });
    expect(provider.model.dimensions).toBe(16);
    expect(server.calls.map((call) => call.body.input)).toEqual([["dimension probe"]]);
  });

  it("fails the start with what to fix when the probe fails", async () => {
    server.script({ status: 401, body: { error: { message: "Incorrect API key provided" } } });
    const error = await failureOf(openAi({ dimensions: undefined, model: "acme-embed" }));
    expect(error.code).toBe("EMBEDDING_FAILED");
    expect(error.message).toContain("acme-embed");
    expect(error.message).toContain(server.url);
    expect(error.message).toContain("Incorrect API key provided");
    expect(error.message).toContain("EMBEDDING_DIMENSIONS");
  });

  it("waits Retry-After on 429, then succeeds", async () => {
    const provider = await openAi({ policy: { ...policy, baseDelayMs: 5000 } });
    server.script({
      status: 429,
      headers: { "retry-after": "0.2" },
      body: { error: { message: "slow down" } },
    });
    const started = Date.now();
    const vectors = await provider.embedBatch(["hello"]);
    expect(vectors).toHaveLength(1);
    expect(server.calls).toHaveLength(2);
    const waited = (server.calls[1]?.at ?? 0) - (server.calls[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(180);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("backs off ×2 on 5xx, capped at retryMaxWaitMs, and gives up after maxRetries", async () => {
    const provider = await openAi({
      policy: { ...policy, baseDelayMs: 40, retryMaxWaitMs: 100, maxRetries: 3 },
    });
    server.script(
      { status: 503, body: { error: { message: "overloaded" } } },
      { status: 500, body: "boom" },
      { status: 502 },
      { status: 503, body: { error: { message: "still overloaded" } } },
    );
    const error = await failureOf(provider.embedBatch(["hello"]));
    expect(server.calls).toHaveLength(4);
    const gaps = server.calls.slice(1).map((call, index) => call.at - (server.calls[index]?.at ?? 0));
    // 40, 80, then 160 capped at 100.
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[1]).toBeGreaterThanOrEqual(75);
    expect(gaps[2]).toBeGreaterThanOrEqual(95);
    expect(gaps[2]).toBeLessThan(150);
    expect(error.code).toBe("EMBEDDING_FAILED");
    expect(error.message).toContain("HTTP 503: still overloaded");
    expect(error.message).toContain("gave up after 4 attempts");
    expect(error.details).toMatchObject({ error_type: "upstream_error", upstream_status: 503, attempts: 4 });
  });

  it("does not retry a 400 and passes the upstream message on", async () => {
    const provider = await openAi();
    server.script({
      status: 400,
      body: { error: { message: "This model's maximum context length is 8192 tokens" } },
    });
    const error = await failureOf(provider.embedBatch(["hello"]));
    expect(server.calls).toHaveLength(1);
    expect(error.code).toBe("EMBEDDING_FAILED");
    expect(error.status).toBe(400);
    expect(error.message).toContain("maximum context length is 8192 tokens");
    expect(error.message).not.toContain("sk-test");
    expect(error.details).toMatchObject({ error_type: "rejected", upstream_status: 400 });
  });

  it("fails with EMBEDDING_FAILED when the provider does not answer in time", async () => {
    const provider = await openAi({ policy: { ...policy, timeoutMs: 150 } });
    server.script({ status: 200, delayMs: 1000 });
    const started = Date.now();
    const error = await failureOf(provider.embedBatch(["hello"]));
    expect(Date.now() - started).toBeLessThan(900);
    expect(error.code).toBe("EMBEDDING_FAILED");
    expect(error.message).toContain("no answer within 150 ms");
    expect(server.calls).toHaveLength(1);
  });

  it("retries network failures, then names the cause", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const provider = await openAi({
      baseUrl: `http://127.0.0.1:${port}/v1`,
      policy: { ...policy, maxRetries: 2 },
    });
    const error = await failureOf(provider.embedBatch(["hello"]));
    expect(error.message).toContain("could not be reached (ECONNREFUSED)");
    expect(error.details).toMatchObject({ error_type: "network", attempts: 3 });
  });

  it("stops retrying when the caller cancels", async () => {
    const provider = await openAi({ policy: { ...policy, baseDelayMs: 5000, retryMaxWaitMs: 5000 } });
    server.script({ status: 429 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failureOf(provider.embedBatch(["hello"], controller.signal));
    expect(error.details).toMatchObject({ error_type: "cancelled" });
  });

  it("rejects answers that do not match the request", async () => {
    const provider = await openAi();
    server.script({ status: 200, body: { data: [{ index: 0, embedding: [1, 2] }] } });
    await expect(provider.embedBatch(["a", "b"])).rejects.toThrow(/expected 2 vectors, got 1 vectors/);
    server.script({ status: 200, body: "not json" });
    await expect(provider.embedBatch(["a"])).rejects.toThrow(/invalid JSON/);
  });
});

describe("the Ollama provider", () => {
  it("posts {model, input} to /api/embed and reads `embeddings`", async () => {
    const provider = await createOllamaProvider({
      baseUrl: server.url,
      apiKey: undefined,
      model: "acme-embed:latest",
      dimensions: undefined,
      policy,
    });
    expect(provider.model).toEqual({
      name: "acme-embed:latest",
      provider: "ollama",
      dimensions: 16,
      fallback: false,
    });
    const vectors = await provider.embedBatch(["one", "two"]);
    expect(vectors).toHaveLength(2);
    expect(server.calls.at(-1)).toMatchObject({
      path: "/api/embed",
      body: { model: "acme-embed:latest", input: ["one", "two"] },
    });
    expect(server.calls.at(-1)?.headers.authorization).toBeUndefined();
  });

  it("knows nomic-embed-text is 768-d and reports Ollama's error text", async () => {
    const provider = await createOllamaProvider({
      baseUrl: server.url,
      apiKey: undefined,
      model: "nomic-embed-text",
      dimensions: undefined,
      policy,
    });
    expect(provider.model.dimensions).toBe(768);
    server.script({
      status: 404,
      body: { error: 'model "nomic-embed-text" not found, try pulling it first' },
    });
    await expect(provider.embedBatch(["x"])).rejects.toThrow(/not found, try pulling it first/);
  });
});
