import {
  datasetSchema,
  datasetStatsSchema,
  deleteDatasetResponseSchema,
  embeddingsResponseSchema,
  pageSchema,
  searchResponseSchema,
  vectorBatchResponseSchema,
  vectorResponseSchema,
} from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestInstance } from "../../../testing/test-instance.js";
import {
  type Account,
  type Api,
  apiAs,
  errorCode,
  personalSpace,
  personalTenant,
  registerAccount,
} from "../../content/testing/content-client.js";
import type { RetrievalDeps } from "../deps.js";
import { axis } from "../testing/retrieval-callers.js";
import { startRetrievalTestInstance } from "../testing/retrieval-test-instance.js";
import { recordId } from "../testing/search-fixtures.js";

let instance: TestInstance;
let deps: RetrievalDeps;
const app = () => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
const small = { embedding_model: "lexical-hash-v1-8", dimensions: 8 };

beforeAll(async () => {
  ({ instance, deps } = await startRetrievalTestInstance());
});
afterAll(async () => {
  await instance?.close();
});

async function account(label: string): Promise<{ who: Account; api: Api; tenantId: string }> {
  const who = await registerAccount(app(), label);
  return { who, api: apiAs(app(), who), tenantId: personalTenant(who) };
}

async function put(who: Account, url: string, payload: Record<string, unknown>) {
  const res = await app().inject({
    method: "PUT",
    url,
    headers: { authorization: `Bearer ${who.access_token}`, "x-space-id": personalSpace(who) },
    payload,
  });
  return { status: res.statusCode, body: res.json() as unknown };
}

describe("the dataset API over HTTP", () => {
  it("creates, lists, reads, changes, fills, searches and deletes a dataset", async () => {
    const { who, api, tenantId } = await account("flow");
    const created = await api("POST", "/api/v1/datasets", { name: "kb", description: "Docs", ...small });
    expect(created.status).toBe(201);
    expect(datasetSchema.parse(created.body)).toMatchObject({
      id: "kb",
      vector_count: 0,
      storage_size: 0,
      tenant_id: tenantId,
    });
    const list = pageSchema(datasetSchema).parse((await api("GET", "/api/v1/datasets")).body);
    expect(list.data.map((dataset) => dataset.name)).toEqual(["default", "kb"]);

    const stored = await api("POST", "/api/v1/datasets/kb/vectors/batch", {
      vectors: [
        { id: recordId(1), document_id: "doc-1", values: axis(8, 0), content: "solar power" },
        { id: recordId(2), document_id: "doc-2", values: axis(8, 1), content: "wind power" },
      ],
    });
    expect(stored.status).toBe(200);
    expect(vectorBatchResponseSchema.parse(stored.body)).toMatchObject({ inserted_count: 2 });
    const vector = vectorResponseSchema.parse(
      (await api("GET", `/api/v1/datasets/kb/vectors/${recordId(1)}`)).body,
    );
    expect(vector).toMatchObject({
      values: axis(8, 0),
      tenant_id: tenantId,
      metadata: { tenant_id: tenantId },
    });

    for (const [suffix, body] of [
      ["search", { query_vector: axis(8, 0), options: { top_k: 1 } }],
      ["search/text", { query_text: "solar" }],
      ["search/hybrid", { query_vector: axis(8, 0), query_text: "solar", fusion_method: "rrf" }],
    ] as const) {
      const reply = await api("POST", `/api/v1/datasets/kb/${suffix}`, body);
      expect(reply.status).toBe(200);
      expect(searchResponseSchema.parse(reply.body).results[0]?.vector.id).toBe(recordId(1));
    }

    const patched = await api("PATCH", "/api/v1/datasets/kb", { metadata: { owner: "me" } });
    expect(datasetSchema.parse(patched.body).metadata).toMatchObject({
      owner: "me",
      model_version: "lexical-hash-v1-8",
    });
    const replaced = await put(who, "/api/v1/datasets/kb", { description: "Put", metadata: { only: true } });
    expect(datasetSchema.parse(replaced.body)).toMatchObject({
      description: "Put",
      metadata: { only: true },
    });
    const stats = datasetStatsSchema.parse((await api("GET", "/api/v1/datasets/kb/stats")).body);
    expect(stats).toMatchObject({ vector_count: 2, embedding_model: { fallback: true } });

    expect((await api("DELETE", `/api/v1/datasets/kb/vectors/${recordId(2)}`)).body).toEqual({
      success: true,
      deleted_count: 1,
    });
    expect((await api("DELETE", "/api/v1/datasets/kb/vectors?document_id=doc-1")).body).toEqual({
      success: true,
      deleted_count: 1,
    });
    const deleted = await api("DELETE", "/api/v1/datasets/kb");
    expect(deleteDatasetResponseSchema.parse(deleted.body).message).toBe("Dataset 'kb' deleted successfully");
    expect((await api("POST", "/api/v1/datasets", { name: "kb", ...small })).status).toBe(201);
  });

  it("answers the documented 4xx codes", async () => {
    const { api } = await account("errors");
    await api("POST", "/api/v1/datasets", { name: "kb", ...small });
    await api("POST", "/api/v1/datasets/kb/vectors/batch", {
      vectors: [{ document_id: "d", values: axis(8, 0) }],
    });
    const cases: [string, string, unknown, number, string][] = [
      ["POST", "/api/v1/datasets", { name: "zero", dimensions: 0 }, 400, "INVALID_DATASET_CONFIG"],
      ["POST", "/api/v1/datasets", { name: "default" }, 400, "INVALID_DATASET_CONFIG"],
      ["POST", "/api/v1/datasets", { name: "kb", ...small }, 409, "DATASET_ALREADY_EXISTS"],
      ["GET", "/api/v1/datasets/nope", undefined, 404, "DATASET_NOT_FOUND"],
      ["GET", `/api/v1/datasets/kb/vectors/${recordId(9)}`, undefined, 404, "VECTOR_NOT_FOUND"],
      ["POST", "/api/v1/datasets/kb/vectors/batch", { vectors: [] }, 400, "VALIDATION_ERROR"],
      [
        "POST",
        "/api/v1/datasets/kb/vectors/batch",
        { vectors: [{ document_id: "d", values: [1] }] },
        400,
        "INVALID_VECTOR_DIMENSIONS",
      ],
      [
        "POST",
        "/api/v1/datasets/kb/vectors/batch",
        { vectors: [{ document_id: "d", values: axis(8, 0) }], skip_existing: true, overwrite: true },
        400,
        "VALIDATION_ERROR",
      ],
      [
        "POST",
        "/api/v1/datasets/kb/vectors/batch",
        { vectors: [{ document_id: "d", values: axis(8, 0), metadata: { tenant_id: "tenant_1" } }] },
        403,
        "FORBIDDEN",
      ],
      [
        "POST",
        "/api/v1/datasets/kb/search",
        { query_vector: axis(8, 0), top_k: 0 },
        400,
        "INVALID_SEARCH_PARAMS",
      ],
      [
        "POST",
        "/api/v1/datasets/kb/search",
        { query_vector: axis(8, 0), top_k: 1001 },
        400,
        "INVALID_SEARCH_PARAMS",
      ],
      [
        "POST",
        "/api/v1/datasets/kb/search",
        { query_vector: axis(8, 0), options: { top_k: 0 } },
        400,
        "INVALID_SEARCH_PARAMS",
      ],
      ["POST", "/api/v1/datasets/kb/search", {}, 400, "INVALID_SEARCH_PARAMS"],
      ["POST", "/api/v1/datasets/kb/search", { query_vector: [] }, 400, "INVALID_SEARCH_PARAMS"],
      ["POST", "/api/v1/datasets/kb/search/text", { query_text: "" }, 400, "INVALID_SEARCH_PARAMS"],
      ["POST", "/api/v1/datasets/kb/search", { query_vector: [1, 2, 3] }, 400, "INVALID_DIMENSIONS"],
      ["POST", "/api/v1/datasets/nope/search", { query_vector: axis(8, 0) }, 404, "DATASET_NOT_FOUND"],
      [
        "POST",
        "/api/v1/datasets/kb/search/hybrid",
        { query_text: "x", vector_weight: 0.7, text_weight: 0.2 },
        400,
        "INVALID_SEARCH_PARAMS",
      ],
      [
        "POST",
        "/api/v1/datasets/kb/search",
        { query_vector: axis(8, 0), top_k: "ten" },
        400,
        "VALIDATION_ERROR",
      ],
    ];
    for (const [method, url, body, status, code] of cases) {
      const reply = await api(method as "GET" | "POST", url, body);
      expect({ url, body, status: reply.status, code: errorCode(reply) }).toEqual({
        url,
        body,
        status,
        code,
      });
    }
    const noSpace = await app().inject({ method: "GET", url: "/api/v1/datasets" });
    expect(noSpace.statusCode).toBe(401);
  });
});

describe("the test instance's deps", () => {
  it("embed exactly as the wired embedding service does", async () => {
    const { api, tenantId } = await account("same-embedder");
    const texts = ["Solar  power\n", "ÉNERGIE solaire", "ﬁne print", "  wind, WIND; wind!  "];
    for (const model of [undefined, "lexical-hash-v1-8"]) {
      const reply = await api("POST", "/api/v1/embeddings", { texts, ...(model ? { model } : {}) });
      const wired = embeddingsResponseSchema.parse(reply.body);
      const local = await deps.embeddings.embed({ tenantId, model, texts });
      expect({ model: local.model, dimensions: local.dimensions, vectors: local.vectors }).toEqual({
        model: wired.model,
        dimensions: wired.dimensions,
        vectors: wired.embeddings,
      });
    }
    expect(deps.embeddings.defaultModel).toMatchObject({ name: "lexical-hash-v1", dimensions: 384 });
  });

  it("reach the instance's database", async () => {
    const { api, tenantId } = await account("same-database");
    await api("POST", "/api/v1/datasets", { name: "kb", ...small });
    const rows = await deps.sql.withTenant(tenantId, (tx) =>
      tx.query<{ name: string }>("SELECT name FROM vector_datasets WHERE tenant_id = $1", [tenantId]),
    );
    expect(rows.map((row) => row.name)).toContain("kb");
  });
});

describe("the OpenAPI document", () => {
  it("describes every dataset route", async () => {
    const res = await app().inject({ method: "GET", url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    for (const path of [
      "/api/v1/datasets",
      "/api/v1/datasets/{dataset_id}",
      "/api/v1/datasets/{dataset_id}/stats",
      "/api/v1/datasets/{dataset_id}/vectors/batch",
      "/api/v1/datasets/{dataset_id}/vectors/{vector_id}",
      "/api/v1/datasets/{dataset_id}/vectors",
      "/api/v1/datasets/{dataset_id}/search",
      "/api/v1/datasets/{dataset_id}/search/text",
      "/api/v1/datasets/{dataset_id}/search/hybrid",
    ]) {
      expect(paths).toContain(path);
    }
  });
});

describe("tenant isolation (issue 5 acceptance)", () => {
  it("never shows tenant A's record to tenant B, even for A's exact vector with top_k 1000", async () => {
    const a = await account("tenant-a");
    const b = await account("tenant-b");
    const x = [0.3, -0.1, 0.7, 0.2, 0.1, -0.4, 0.25, 0.05];
    const xDefault = axis(384, 7);
    await a.api("POST", "/api/v1/datasets", { name: "kb", ...small });
    await a.api("POST", "/api/v1/datasets", { name: "secret", ...small });
    for (const [name, values] of [
      ["kb", x],
      ["secret", x],
      ["default", xDefault],
    ] as const) {
      const reply = await a.api("POST", `/api/v1/datasets/${name}/vectors/batch`, {
        vectors: [{ id: recordId(1), document_id: "a-doc", values, content: "tenant a secret plans" }],
      });
      expect(vectorBatchResponseSchema.parse(reply.body).inserted_count).toBe(1);
    }
    await b.api("POST", "/api/v1/datasets", { name: "kb", ...small });
    await b.api("POST", "/api/v1/datasets/kb/vectors/batch", {
      vectors: Array.from({ length: 5 }, (_, index) => ({
        document_id: "b-doc",
        values: axis(8, index),
        content: "plans",
      })),
    });
    await b.api("POST", "/api/v1/datasets/default/vectors/batch", {
      vectors: [{ document_id: "b-doc", values: axis(384, 1), content: "secret plans" }],
    });

    for (const [name, values] of [
      ["kb", x],
      ["default", xDefault],
    ] as const) {
      for (const suffix of ["search", "search/text", "search/hybrid"]) {
        const reply = await b.api("POST", `/api/v1/datasets/${name}/${suffix}`, {
          query_vector: values,
          query_text: "tenant a secret plans",
          top_k: 1000,
        });
        expect(reply.status).toBe(200);
        const response = searchResponseSchema.parse(reply.body);
        expect(response.results.length).toBeGreaterThan(0);
        for (const result of response.results) {
          expect(result.vector.tenant_id).toBe(b.tenantId);
          expect(result.vector.document_id).toBe("b-doc");
          expect(result.vector.id).not.toBe(recordId(1));
        }
      }
    }
    const foreign = await b.api("POST", "/api/v1/datasets/secret/search", { query_vector: x, top_k: 1000 });
    expect([foreign.status, errorCode(foreign)]).toEqual([404, "DATASET_NOT_FOUND"]);
    const foreignVector = await b.api("GET", `/api/v1/datasets/kb/vectors/${recordId(1)}`);
    expect(errorCode(foreignVector)).toBe("VECTOR_NOT_FOUND");
    // A still finds its own record first.
    const own = await a.api("POST", "/api/v1/datasets/kb/search", { query_vector: x, top_k: 1 });
    expect(searchResponseSchema.parse(own.body).results[0]?.vector.id).toBe(recordId(1));
  });
});
