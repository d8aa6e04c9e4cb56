import { randomUUID } from "node:crypto";
import {
  datasetSchema,
  embeddingModelsResponseSchema,
  embeddingsResponseSchema,
  errorEnvelopeSchema,
} from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestInstance } from "../../../testing/test-instance.js";
import {
  type Account,
  type Api,
  apiAs,
  personalTenant,
  registerAccount,
} from "../../content/testing/content-client.js";
import { startRetrievalTestInstance } from "../testing/retrieval-test-instance.js";

// The wired route on PGlite (pgvector), with the built-in lexical embedder: no EMBEDDING_* is set.
let instance: TestInstance;
let account: Account;
let neighbour: Account;
const app = (): FastifyInstance => {
  if (!instance.app) throw new Error("no HTTP app");
  return instance.app;
};

beforeAll(async () => {
  ({ instance } = await startRetrievalTestInstance());
  account = await registerAccount(app(), "embedder");
  neighbour = await registerAccount(app(), "neighbour");
  await createDataset(apiAs(app(), account), "small", 64);
  // The same name in another tenant, pinned to another model: the route must read the caller's.
  await createDataset(apiAs(app(), neighbour), "small", 32);
  await insertDatasetPinnedTo(personalTenant(account), "legacy", "text-embedding-ada-002", 1536);
});
afterAll(async () => {
  await instance?.close();
});

async function createDataset(api: Api, name: string, dimensions: number): Promise<void> {
  const reply = await api("POST", "/api/v1/datasets", {
    name,
    embedding_model: `lexical-hash-v1-${dimensions}`,
    dimensions,
  });
  expect(reply.status).toBe(201);
  expect(datasetSchema.parse(reply.body).embedding_model).toBe(`lexical-hash-v1-${dimensions}`);
}

/** A dataset left pinned to a model this instance cannot serve (the API refuses to create one). */
async function insertDatasetPinnedTo(tenantId: string, name: string, model: string, dimensions: number) {
  await instance.resources.sql.withTenant(tenantId, (tx) =>
    tx.query(
      `INSERT INTO vector_datasets (id, tenant_id, name, dimensions, metric_type, index_type, embedding_model)
       VALUES ($1, $2, $3, $4, 'cosine', 'default', $5)`,
      [randomUUID(), tenantId, name, dimensions, model],
    ),
  );
}

const postAs = (who: Account, payload: unknown) => apiAs(app(), who)("POST", "/api/v1/embeddings", payload);
const post = (payload: unknown) => postAs(account, payload);
const codeOf = (body: unknown) => errorEnvelopeSchema.parse(body).error;

describe("POST /api/v1/embeddings", () => {
  it("embeds texts with the default model", async () => {
    const reply = await post({ texts: ["first text", "second text"] });
    expect(reply.status).toBe(200);
    const body = embeddingsResponseSchema.parse(reply.body);
    expect(body).toMatchObject({
      model: "lexical-hash-v1",
      dimensions: 384,
      usage: { tokens: 0 },
      cached: 0,
    });
    expect(body.embeddings).toHaveLength(2);
    expect(body.embeddings[0]).toHaveLength(384);
    expect(body.took_ms).toBeGreaterThanOrEqual(0);
  });

  it("uses the model the dataset is pinned to, in the caller's tenant", async () => {
    const reply = await post({ texts: ["x"], dataset_id: "small" });
    expect(reply.status).toBe(200);
    const body = embeddingsResponseSchema.parse(reply.body);
    expect(body).toMatchObject({ model: "lexical-hash-v1-64", dimensions: 64 });
    expect(body.embeddings[0]).toHaveLength(64);

    const theirs = await postAs(neighbour, { texts: ["x"], dataset_id: "small" });
    expect(theirs.status).toBe(200);
    expect(embeddingsResponseSchema.parse(theirs.body)).toMatchObject({
      model: "lexical-hash-v1-32",
      dimensions: 32,
    });
    // Another tenant's dataset is not found, not borrowed.
    const foreign = await postAs(neighbour, { texts: ["x"], dataset_id: "legacy" });
    expect([foreign.status, codeOf(foreign.body).code]).toEqual([404, "DATASET_NOT_FOUND"]);
  });

  it("accepts naming the dataset's own model along with the dataset", async () => {
    const reply = await post({ texts: ["x"], dataset_id: "small", model: "lexical-hash-v1-64" });
    expect(reply.status).toBe(200);
    expect(embeddingsResponseSchema.parse(reply.body).model).toBe("lexical-hash-v1-64");
  });

  it("refuses a model that differs from the dataset's, unknown datasets and unknown models", async () => {
    const mismatch = await post({ texts: ["x"], dataset_id: "small", model: "lexical-hash-v1" });
    expect(mismatch.status).toBe(400);
    expect(codeOf(mismatch.body).code).toBe("INVALID_SEARCH_PARAMS");

    const missing = await post({ texts: ["x"], dataset_id: "nope" });
    expect(missing.status).toBe(404);
    expect(codeOf(missing.body).code).toBe("DATASET_NOT_FOUND");

    const unavailable = await post({ texts: ["x"], dataset_id: "legacy" });
    expect(unavailable.status).toBe(400);
    const pinned = codeOf(unavailable.body);
    expect(pinned.code).toBe("INVALID_SEARCH_PARAMS");
    expect(pinned.message).toContain("pinned to model text-embedding-ada-002");
    expect(pinned.details).toMatchObject({ model: "text-embedding-ada-002", dataset_id: "legacy" });

    const unknown = await post({ texts: ["x"], model: "text-embedding-3-large" });
    expect(unknown.status).toBe(400);
    const error = codeOf(unknown.body);
    expect(error.code).toBe("INVALID_SEARCH_PARAMS");
    expect(error.details).toMatchObject({
      model: "text-embedding-3-large",
      known_models: ["lexical-hash-v1"],
    });
  });

  it("validates the body: 1..2048 non-empty texts, nothing else", async () => {
    for (const payload of [
      { texts: [] },
      { texts: [""] },
      { texts: Array.from({ length: 2049 }, () => "t") },
      { texts: ["x"], extra: true },
      {},
    ]) {
      const reply = await post(payload);
      expect(reply.status).toBe(400);
      expect(codeOf(reply.body).code).toBe("VALIDATION_ERROR");
    }
  });

  it("needs a caller and a space", async () => {
    const anonymous = await app().inject({
      method: "POST",
      url: "/api/v1/embeddings",
      payload: { texts: ["x"] },
    });
    expect(anonymous.statusCode).toBe(401);
    const noSpace = await app().inject({
      method: "POST",
      url: "/api/v1/embeddings",
      headers: { authorization: `Bearer ${account.access_token}` },
      payload: { texts: ["x"] },
    });
    expect(noSpace.statusCode).toBe(400);
  });
});

describe("GET /api/v1/embeddings/models", () => {
  it("lists the default model first, here the built-in lexical embedder", async () => {
    const reply = await apiAs(app(), account)("GET", "/api/v1/embeddings/models");
    expect(reply.status).toBe(200);
    const { data } = embeddingModelsResponseSchema.parse(reply.body);
    expect(data).toEqual([
      { name: "lexical-hash-v1", provider: "lexical", dimensions: 384, fallback: true, default: true },
    ]);
  });

  it("needs a caller, not a space", async () => {
    const anonymous = await app().inject({ method: "GET", url: "/api/v1/embeddings/models" });
    expect(anonymous.statusCode).toBe(401);
    const noSpace = await app().inject({
      method: "GET",
      url: "/api/v1/embeddings/models",
      headers: { authorization: `Bearer ${account.access_token}` },
    });
    expect(noSpace.statusCode).toBe(200);
  });
});
