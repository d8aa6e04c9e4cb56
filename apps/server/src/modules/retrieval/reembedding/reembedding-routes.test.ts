import {
  datasetSchema,
  datasetStatsSchema,
  searchResponseSchema,
  vectorBatchResponseSchema,
} from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { waitFor } from "../../../testing/wait-for.js";
import { apiAs, errorCode, registerAccount } from "../../content/testing/content-client.js";
import { createLexicalEmbedder } from "../embeddings/index.js";
import { recordId } from "../testing/search-fixtures.js";

// Vectors need pgvector: PGlite has it, the CI PostgreSQL does not (decision 0010). Role `all`
// runs the re-embedding worker beside the API.
let instance: TestInstance;
const lexical384 = createLexicalEmbedder(384);
const lexical64 = createLexicalEmbedder(64);
const target = "lexical-hash-v1-64";

beforeAll(async () => {
  instance = await startTestInstance({
    sqlKind: "pglite",
    role: "all",
    env: { JOBS_POLL_INTERVAL_MS: "100", EMBEDDING_BATCH_SIZE: "25" },
  });
});
afterAll(async () => {
  await instance?.close();
});

describe("PATCH /api/v1/datasets/{id} with another embedding model", () => {
  it("answers 202, shows progress on GET, then serves the new model", async () => {
    const app = instance.app;
    if (!app) throw new Error("no app");
    const api = apiAs(app, await registerAccount(app, "reembed"));
    expect((await api("POST", "/api/v1/datasets", { name: "kb", index_type: "hnsw" })).status).toBe(201);
    for (let start = 0; start < 400; start += 200) {
      const vectors = Array.from({ length: 200 }, (_, i) => {
        const text = `passage ${start + i} on river ${(start + i) % 11}`;
        return {
          id: recordId(start + i + 1),
          document_id: `doc-${i % 9}`,
          values: lexical384.embed([text])[0],
          content: text,
        };
      });
      const stored = await api("POST", "/api/v1/datasets/kb/vectors/batch", { vectors });
      expect(vectorBatchResponseSchema.parse(stored.body).inserted_count).toBe(200);
    }

    const accepted = await api("PATCH", "/api/v1/datasets/kb", { embedding_model: target });
    expect(accepted.status).toBe(202);
    expect(datasetSchema.parse(accepted.body)).toMatchObject({
      embedding_model: "lexical-hash-v1",
      dimensions: 384,
      reembedding: { status: "running", target_model: target, target_dimensions: 64, done: 0, total: 400 },
    });
    const second = await api("PATCH", "/api/v1/datasets/kb", { embedding_model: "lexical-hash-v1-32" });
    expect(second.status).toBe(409);
    expect(errorCode(second)).toBe("CONFLICT");

    const seen: string[] = [];
    const done = await waitFor(
      "the switch to the new model",
      async () => {
        const dataset = datasetSchema.parse((await api("GET", "/api/v1/datasets/kb")).body);
        seen.push(
          dataset.reembedding ? `${dataset.reembedding.status}:${dataset.reembedding.percent}` : "idle",
        );
        return dataset.reembedding === null ? dataset : undefined;
      },
      60_000,
    );
    expect(seen[0]).toMatch(/^running:/);
    expect(done).toMatchObject({ embedding_model: target, dimensions: 64, vector_count: 400 });
    const stats = datasetStatsSchema.parse((await api("GET", "/api/v1/datasets/kb/stats")).body);
    expect(stats).toMatchObject({ vector_count: 400, embedding_model: { name: target, dimensions: 64 } });
    expect(stats.last_rebuild_at).not.toBeNull();

    const found = await api("POST", "/api/v1/datasets/kb/search", {
      query_vector: lexical64.embed(["passage 42 on river 9"])[0],
      top_k: 1,
    });
    expect(found.status).toBe(200);
    expect(searchResponseSchema.parse(found.body).results[0]?.vector.id).toBe(recordId(43));
    const old = await api("POST", "/api/v1/datasets/kb/search", {
      query_vector: lexical384.embed(["passage 42"])[0],
      top_k: 1,
    });
    expect(old.status).toBe(400);
    expect(errorCode(old)).toBe("INVALID_DIMENSIONS");
  });
});
