import { createHash } from "node:crypto";
import { vectorResponseSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import type { RetrievalDeps } from "../deps.js";
import { axis, callerOf, newTenantId } from "../testing/retrieval-callers.js";
import { createTestEmbeddings } from "../testing/test-embeddings.js";
import { createDataset } from "./create-dataset.js";
import { deleteDocumentVectors } from "./delete-document-vectors.js";
import { deleteVector } from "./delete-vector.js";
import { deleteVectorsByDocument } from "./delete-vectors-by-document.js";
import { getDataset } from "./get-dataset.js";
import { getVector } from "./get-vector.js";
import { insertVectorBatch } from "./insert-vector-batch.js";
import type { RetrievalCaller } from "./retrieval-access.js";

let sql: Sql;
let deps: RetrievalDeps;
const small = { embedding_model: "lexical-hash-v1-8", dimensions: 8 };
const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeAll(async () => {
  sql = await openTestSql("pglite");
  deps = { sql, embeddings: createTestEmbeddings(), logger: createLogger("silent") };
});
afterAll(async () => {
  await sql?.close();
});

async function datasetFor(name = "vecs"): Promise<RetrievalCaller> {
  const caller = callerOf(newTenantId());
  await createDataset(deps, caller, { name, ...small });
  return caller;
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("storing and reading records", () => {
  it("stores a record with generated id and hash, and reads it back as the spec's VectorResponse", async () => {
    const caller = await datasetFor();
    const values = [0.5, -0.25, 0, 0, 0, 0, 0, 0.125];
    const result = await insertVectorBatch(deps, caller, "vecs", {
      vectors: [
        {
          document_id: "doc-1",
          chunk_id: "chunk-1",
          values,
          content: "Hello vectors",
          metadata: { tags: ["a"], space_id: "SPACE_1" },
          chunk_index: 0,
          chunk_count: 2,
        },
      ],
    });
    expect(result).toMatchObject({
      inserted_count: 1,
      skipped_count: 0,
      failed_count: 0,
      error_messages: [],
    });
    const [stored] = await sql.withTenant(caller.space.tenantId, (tx) =>
      tx.query<{ id: string; space_id: string }>("SELECT id, space_id FROM dataset_vectors"),
    );
    expect(stored?.id).toMatch(uuidV4);
    expect(stored?.space_id).toBe("space_1");
    const vector = vectorResponseSchema.parse(await getVector(deps, caller, "vecs", stored?.id ?? ""));
    expect(vector).toMatchObject({
      dataset_id: "vecs",
      document_id: "doc-1",
      chunk_id: "chunk-1",
      values,
      dimensions: 8,
      content: "Hello vectors",
      content_hash: createHash("sha256").update("Hello vectors").digest("hex"),
      content_type: "text/plain",
      language: "en",
      chunk_index: 0,
      chunk_count: 2,
      model: "lexical-hash-v1-8",
      tenant_id: caller.space.tenantId,
      metadata: { tags: ["a"], space_id: "SPACE_1", tenant_id: caller.space.tenantId },
    });
    expect(vector.created_at).toMatch(timestamp);
    expect(vector.updated_at).toMatch(timestamp);
    expect((await getDataset(deps, caller, "vecs")).vector_count).toBe(1);
  });

  it("answers VECTOR_NOT_FOUND for unknown and malformed ids, and deletes records", async () => {
    const caller = await datasetFor();
    await insertVectorBatch(deps, caller, "vecs", {
      vectors: [{ id: id(1), document_id: "d", values: axis(8, 0) }],
    });
    await expect(getVector(deps, caller, "vecs", id(2))).rejects.toMatchObject({
      code: "VECTOR_NOT_FOUND",
      details: { vector_id: id(2), dataset_id: "vecs" },
    });
    await expect(getVector(deps, caller, "vecs", "vec_123")).rejects.toMatchObject({
      code: "VECTOR_NOT_FOUND",
    });
    expect(await deleteVector(deps, caller, "vecs", id(1).toUpperCase())).toEqual({
      success: true,
      deleted_count: 1,
    });
    await expect(deleteVector(deps, caller, "vecs", id(1))).rejects.toMatchObject({
      code: "VECTOR_NOT_FOUND",
    });
  });

  it("deletes a document's records in one dataset, or across the tenant's datasets", async () => {
    const caller = await datasetFor("one");
    const tenantId = caller.space.tenantId;
    await createDataset(deps, caller, { name: "two", ...small });
    const other = await datasetFor("one");
    for (const [who, name] of [
      [caller, "one"],
      [caller, "two"],
      [other, "one"],
    ] as const) {
      await insertVectorBatch(deps, who, name, {
        vectors: [
          { document_id: "doc-x", values: axis(8, 0) },
          { document_id: "doc-x", values: axis(8, 1) },
          { document_id: "doc-y", values: axis(8, 2) },
        ],
      });
    }
    expect(await deleteDocumentVectors(deps, caller, "one", "doc-x")).toEqual({
      success: true,
      deleted_count: 2,
    });
    expect(await sql.withTenant(tenantId, (tx) => deleteVectorsByDocument(tx, tenantId, "doc-x"))).toBe(2);
    expect(await sql.withTenant(tenantId, (tx) => deleteVectorsByDocument(tx, tenantId, "doc-x"))).toBe(0);
    expect((await getDataset(deps, caller, "one")).vector_count).toBe(1);
    expect((await getDataset(deps, other, "one")).vector_count).toBe(3);
  });
});

describe("record validation (requirement 10)", () => {
  it("refuses other dimensions with provided and expected, storing nothing of the batch", async () => {
    const caller = await datasetFor();
    await expect(
      insertVectorBatch(deps, caller, "vecs", {
        vectors: [
          { document_id: "ok", values: axis(8, 0) },
          { document_id: "bad", values: [1, 2, 3] },
        ],
      }),
    ).rejects.toMatchObject({
      code: "INVALID_VECTOR_DIMENSIONS",
      details: { provided_dimensions: 3, expected_dimensions: 8, dataset_id: "vecs" },
    });
    expect((await getDataset(deps, caller, "vecs")).vector_count).toBe(0);
  });

  it("refuses non-finite values, long content, malformed hashes, chunk positions, ids and models", async () => {
    const caller = await datasetFor();
    const bad: Record<string, unknown>[] = [
      { values: [Number.NaN, 0, 0, 0, 0, 0, 0, 0] },
      { values: [Number.POSITIVE_INFINITY, 0, 0, 0, 0, 0, 0, 0] },
      { content: "x".repeat(10_001) },
      { content_hash: "sha256:abc" },
      { content_hash: "a".repeat(63) },
      { chunk_index: 2, chunk_count: 2 },
      { chunk_index: -1 },
      { chunk_count: 0 },
      { id: "vec_123" },
      { model: "text-embedding-ada-002" },
      { language: "english" },
      { content_type: "not a mime" },
    ];
    for (const fields of bad) {
      await expect(
        insertVectorBatch(deps, caller, "vecs", {
          vectors: [{ document_id: "d", values: axis(8, 0), ...fields }],
        }),
      ).rejects.toMatchObject({ code: "VALIDATION_ERROR", status: 400 });
    }
    const edge = await insertVectorBatch(deps, caller, "vecs", {
      vectors: [
        {
          document_id: "d",
          values: axis(8, 0),
          content: "é".repeat(10_000),
          content_hash: "A".repeat(64),
          chunk_index: 1,
          chunk_count: 2,
        },
      ],
    });
    expect(edge.inserted_count).toBe(1);
    expect((await getDataset(deps, caller, "vecs")).vector_count).toBe(1);
  });

  it("refuses another tenant in metadata.tenant_id with 403 (G21)", async () => {
    const caller = await datasetFor();
    await expect(
      insertVectorBatch(deps, caller, "vecs", {
        vectors: [{ document_id: "d", values: axis(8, 0), metadata: { tenant_id: "tenant_someone_else" } }],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    const own = await insertVectorBatch(deps, caller, "vecs", {
      vectors: [{ document_id: "d", values: axis(8, 0), metadata: { tenant_id: caller.space.tenantId } }],
    });
    expect(own.inserted_count).toBe(1);
  });

  it("takes 1-1000 records per batch, and writes only for members", async () => {
    const caller = await datasetFor();
    for (const count of [0, 1001]) {
      const vectors = Array.from({ length: count }, (_, index) => ({
        document_id: `d${index}`,
        values: axis(8, 0),
      }));
      await expect(insertVectorBatch(deps, caller, "vecs", { vectors })).rejects.toMatchObject({
        code: "VALIDATION_ERROR",
        details: { field: "vectors", provided: count },
      });
    }
    const vectors = Array.from({ length: 1000 }, (_, index) => ({
      document_id: `d${index}`,
      values: axis(8, index % 8),
    }));
    expect((await insertVectorBatch(deps, caller, "vecs", { vectors })).inserted_count).toBe(1000);
    const viewer = callerOf(caller.space.tenantId, "viewer");
    await expect(
      insertVectorBatch(deps, viewer, "vecs", { vectors: vectors.slice(0, 1) }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("batch semantics for existing records (requirement 11, G37)", () => {
  it("refuses skip_existing with overwrite", async () => {
    const caller = await datasetFor();
    await expect(
      insertVectorBatch(deps, caller, "vecs", {
        vectors: [{ document_id: "d", values: axis(8, 0) }],
        skip_existing: true,
        overwrite: true,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_ERROR", status: 400 });
  });

  it("fails, skips or replaces an existing id, and the counts always add up", async () => {
    const caller = await datasetFor();
    await insertVectorBatch(deps, caller, "vecs", {
      vectors: [{ id: id(1), document_id: "d", values: axis(8, 0), content: "first" }],
    });
    const before = await getVector(deps, caller, "vecs", id(1));
    const batch = (content: string) => [
      { id: id(1), document_id: "d", values: axis(8, 1), content },
      { id: id(2), document_id: "d", values: axis(8, 2), content: `${content} two` },
      { id: id(2), document_id: "d", values: axis(8, 3), content: `${content} again` },
    ];
    const plain = await insertVectorBatch(deps, caller, "vecs", { vectors: batch("plain") });
    expect(plain).toMatchObject({ inserted_count: 1, skipped_count: 0, failed_count: 2 });
    expect(plain.error_messages).toHaveLength(2);
    expect(plain.error_messages[0]).toMatch(/^DUPLICATE_VECTOR: vector 0{8}-/);

    const skipped = await insertVectorBatch(deps, caller, "vecs", {
      vectors: batch("skip"),
      skip_existing: true,
    });
    expect(skipped).toMatchObject({ inserted_count: 0, skipped_count: 3, failed_count: 0 });

    const replaced = await insertVectorBatch(deps, caller, "vecs", {
      vectors: batch("new"),
      overwrite: true,
    });
    expect(replaced).toMatchObject({ inserted_count: 3, skipped_count: 0, failed_count: 0 });
    const after = await getVector(deps, caller, "vecs", id(1));
    expect(after).toMatchObject({ content: "new", values: axis(8, 1), created_at: before.created_at });
    expect(after.updated_at > before.updated_at).toBe(true);
    expect((await getVector(deps, caller, "vecs", id(2))).content).toBe("new again");
  });

  it("skips content already stored when skip_existing (content_hash dedupe)", async () => {
    const caller = await datasetFor();
    await insertVectorBatch(deps, caller, "vecs", {
      vectors: [{ document_id: "d", values: axis(8, 0), content: "same" }],
    });
    const result = await insertVectorBatch(deps, caller, "vecs", {
      skip_existing: true,
      vectors: [
        { document_id: "e", values: axis(8, 1), content: "same" },
        { document_id: "e", values: axis(8, 2), content: "fresh" },
        { document_id: "e", values: axis(8, 3), content: "fresh" },
        { document_id: "e", values: axis(8, 4) },
      ],
    });
    expect(result).toMatchObject({ inserted_count: 2, skipped_count: 2, failed_count: 0 });
    const without = await insertVectorBatch(deps, caller, "vecs", {
      vectors: [{ document_id: "f", values: axis(8, 5), content: "same" }],
    });
    expect(without.inserted_count).toBe(1);
  });

  it("reaches only the caller's tenant: another tenant's dataset name is not found", async () => {
    const owner = await datasetFor("private-set");
    const stranger = callerOf(newTenantId());
    await expect(
      insertVectorBatch(deps, stranger, "private-set", {
        vectors: [{ document_id: "d", values: axis(8, 0) }],
      }),
    ).rejects.toMatchObject({ code: "DATASET_NOT_FOUND" });
    expect((await getDataset(deps, owner, "private-set")).vector_count).toBe(0);
  });
});
