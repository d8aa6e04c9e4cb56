import { datasetSchema, datasetStatsSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import type { RetrievalDeps } from "../deps.js";
import { axis, callerOf, newTenantId } from "../testing/retrieval-callers.js";
import { createTestEmbeddings } from "../testing/test-embeddings.js";
import { createDataset } from "./create-dataset.js";
import { hnswIndexName } from "./dataset-index.js";
import { deleteDataset } from "./delete-dataset.js";
import { getDataset } from "./get-dataset.js";
import { getDatasetStats } from "./get-dataset-stats.js";
import { insertVectorBatch } from "./insert-vector-batch.js";
import { listDatasets } from "./list-datasets.js";
import { updateDataset } from "./update-dataset.js";

let sql: Sql;
let deps: RetrievalDeps;
const small = { embedding_model: "lexical-hash-v1-8", dimensions: 8 };

beforeAll(async () => {
  sql = await openTestSql("pglite");
  deps = {
    sql,
    embeddings: createTestEmbeddings({ aliases: { "other-model-8": 8 } }),
    logger: createLogger("silent"),
  };
});
afterAll(async () => {
  await sql?.close();
});

describe("creating datasets", () => {
  it("creates one with the spec's defaults and the default embedding model", async () => {
    const tenantId = newTenantId();
    const created = datasetSchema.parse(
      await createDataset(deps, callerOf(tenantId), { name: "papers_2026-a" }),
    );
    expect(created).toMatchObject({
      id: "papers_2026-a",
      name: "papers_2026-a",
      dimensions: 384,
      metric_type: "cosine",
      index_type: "flat",
      index_config: {},
      embedding_model: "lexical-hash-v1",
      vector_count: 0,
      storage_size: 0,
      tenant_id: tenantId,
      metadata: { model_version: "lexical-hash-v1" },
    });
    expect(created.storage_location.endsWith(`tenants/${tenantId}/papers_2026-a`)).toBe(true);
    expect(created.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  });

  it("refuses dimensions outside 1-10000 with the allowed range", async () => {
    const caller = callerOf(newTenantId());
    for (const dimensions of [0, 10_001, -3]) {
      await expect(createDataset(deps, caller, { name: "d", dimensions })).rejects.toMatchObject({
        code: "INVALID_DATASET_CONFIG",
        details: { field: "dimensions", value: dimensions, allowed_range: "1-10000" },
      });
    }
  });

  it("refuses bad and reserved names, unknown metrics and index types (G19, G39)", async () => {
    const caller = callerOf(newTenantId());
    for (const name of ["", "Upper", "has space", "a".repeat(101), "dots.no"]) {
      await expect(createDataset(deps, caller, { name })).rejects.toMatchObject({
        code: "INVALID_DATASET_CONFIG",
        details: { field: "name" },
      });
    }
    for (const name of ["default", "system", "shared"]) {
      await expect(createDataset(deps, caller, { name })).rejects.toMatchObject({
        code: "INVALID_DATASET_CONFIG",
        details: { field: "name", value: name },
      });
    }
    await expect(createDataset(deps, caller, { name: "m", metric_type: "cosinus" })).rejects.toMatchObject({
      code: "INVALID_DATASET_CONFIG",
      details: { field: "metric_type" },
    });
    for (const index_type of ["hnsb", "hns"]) {
      await expect(createDataset(deps, caller, { name: "i", index_type })).rejects.toMatchObject({
        code: "INVALID_DATASET_CONFIG",
        details: { field: "index_type" },
      });
    }
    expect((await createDataset(deps, caller, { name: "a".repeat(100) })).name).toHaveLength(100);
  });

  it("pins one embedding model and its dimensions (G14)", async () => {
    const caller = callerOf(newTenantId());
    await expect(createDataset(deps, caller, { name: "x", embedding_model: "nope" })).rejects.toMatchObject({
      code: "INVALID_DATASET_CONFIG",
      details: { field: "embedding_model" },
    });
    await expect(createDataset(deps, caller, { name: "x", ...small, dimensions: 16 })).rejects.toMatchObject({
      code: "INVALID_DATASET_CONFIG",
      details: { field: "dimensions", allowed_range: "8" },
    });
    await expect(createDataset(deps, caller, { name: "x", dimensions: 1536 })).rejects.toMatchObject({
      code: "INVALID_DATASET_CONFIG",
      details: { field: "dimensions" },
    });
    const pinned = await createDataset(deps, caller, { name: "x", ...small, metric_type: "dot_product" });
    expect(pinned).toMatchObject({
      dimensions: 8,
      embedding_model: "lexical-hash-v1-8",
      metric_type: "dot_product",
    });
  });

  it("fills and checks index parameters; hnsw gets its partial index at once", async () => {
    const caller = callerOf(newTenantId());
    const hnsw = await createDataset(deps, caller, { name: "h", ...small, index_type: "hnsw" });
    expect(hnsw.index_config).toEqual({ m: 16, ef_construction: 200, ef_search: 50 });
    const ivf = await createDataset(deps, caller, { name: "v", ...small, index_type: "ivf" });
    expect(ivf.index_config).toEqual({ nlist: 100, nprobe: 10 });
    const tuned = await createDataset(deps, caller, {
      name: "t",
      ...small,
      index_type: "hnsw",
      index_config: { m: 32, ef_construction: 300, ef_search: 100 },
    });
    expect(tuned.index_config).toEqual({ m: 32, ef_construction: 300, ef_search: 100 });
    const refusals: [Record<string, number>, string, string][] = [
      [{ m: 4 }, "hnsw", "index_config.m"],
      [{ m: 64, ef_construction: 100 }, "hnsw", "index_config.ef_construction"],
      [{ ef_search: 501 }, "hnsw", "index_config.ef_search"],
      [{ m: 16 }, "flat", "index_config.m"],
      [{ nlist: 10 }, "hnsw", "index_config.nlist"],
    ];
    for (const [index_config, index_type, field] of refusals) {
      await expect(
        createDataset(deps, caller, { name: "bad", ...small, index_type, index_config }),
      ).rejects.toMatchObject({ code: "INVALID_DATASET_CONFIG", details: { field } });
    }
    const row = await sql.withTenant(caller.space.tenantId, async (tx) => {
      const [dataset] = await tx.query<{ id: string }>("SELECT id FROM vector_datasets WHERE name = 'h'");
      return dataset;
    });
    const name = hnswIndexName({ id: row?.id ?? "", generation: 1 });
    const indexes = await sql.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE indexname = $1",
      [name],
    );
    expect(indexes[0]?.indexdef).toContain("hnsw");
    expect(indexes[0]?.indexdef).toContain("vector(8)");
  });

  it("refuses a taken name unless overwrite, which starts an empty dataset", async () => {
    const caller = callerOf(newTenantId());
    await createDataset(deps, caller, { name: "dup", ...small });
    await insertVectorBatch(deps, caller, "dup", { vectors: [{ document_id: "d1", values: axis(8, 0) }] });
    await expect(createDataset(deps, caller, { name: "dup", ...small })).rejects.toMatchObject({
      code: "DATASET_ALREADY_EXISTS",
      details: { dataset_id: "dup", tenant_id: caller.space.tenantId },
    });
    const replaced = await createDataset(deps, caller, {
      name: "dup",
      ...small,
      description: "v2",
      overwrite: true,
    });
    expect(replaced).toMatchObject({ description: "v2", vector_count: 0 });
    expect((await getDataset(deps, caller, "dup")).vector_count).toBe(0);
  });

  it("lets viewers read but not create", async () => {
    const tenantId = newTenantId();
    await expect(createDataset(deps, callerOf(tenantId, "viewer"), { name: "v" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await listDatasets(deps, callerOf(tenantId, "viewer"), { limit: 20 })).data).toHaveLength(1);
  });
});

describe("listing, reading and changing datasets", () => {
  it("lists the tenant's datasets by name, with its default one created on first use", async () => {
    const tenantId = newTenantId();
    const caller = callerOf(tenantId);
    for (const name of ["zeta", "alpha", "mid"]) await createDataset(deps, caller, { name, ...small });
    const first = await listDatasets(deps, caller, { limit: 2 });
    expect(first.data.map((dataset) => dataset.name)).toEqual(["alpha", "default"]);
    expect(first).toMatchObject({ has_more: true, next_cursor: "default" });
    const rest = await listDatasets(deps, caller, { limit: 2, cursor: first.next_cursor ?? "" });
    expect(rest.data.map((dataset) => dataset.name)).toEqual(["mid", "zeta"]);
    expect(rest.has_more).toBe(false);
    const fallback = first.data[1];
    expect(fallback).toMatchObject({ dimensions: 384, metric_type: "cosine", index_type: "flat" });
    // Another tenant sees none of these.
    const other = await listDatasets(deps, callerOf(newTenantId()), { limit: 100 });
    expect(other.data.map((dataset) => dataset.name)).toEqual(["default"]);
  });

  it("answers DATASET_NOT_FOUND with the dataset and tenant", async () => {
    const tenantId = newTenantId();
    await expect(getDataset(deps, callerOf(tenantId), "missing")).rejects.toMatchObject({
      code: "DATASET_NOT_FOUND",
      details: { dataset_id: "missing", tenant_id: tenantId },
    });
  });

  it("changes only description and metadata (merge for PATCH, replace for PUT)", async () => {
    const caller = callerOf(newTenantId());
    await createDataset(deps, caller, { name: "meta", ...small, metadata: { a: 1, b: 2 } });
    const merged = await updateDataset(
      deps,
      caller,
      "meta",
      { description: "new", metadata: { b: 3 } },
      "merge",
    );
    expect(merged).toMatchObject({
      description: "new",
      metadata: { a: 1, b: 3, model_version: "lexical-hash-v1-8" },
    });
    const replaced = await updateDataset(deps, caller, "meta", { metadata: { c: 4 } }, "replace");
    expect(replaced).toMatchObject({ description: "new", metadata: { c: 4 } });
    const unchanged = await updateDataset(deps, caller, "meta", { name: "meta", dimensions: 8 }, "replace");
    expect(unchanged.dimensions).toBe(8);
    for (const change of [
      { dimensions: 16 },
      { metric_type: "euclidean" },
      { index_type: "hnsw" },
      { name: "x" },
    ]) {
      await expect(updateDataset(deps, caller, "meta", change, "merge")).rejects.toMatchObject({
        code: "INVALID_DATASET_CONFIG",
        details: { field: Object.keys(change)[0] },
      });
    }
  });

  it("switches an empty dataset's model at once (dimensions follow); a full one needs a re-embedding", async () => {
    const caller = callerOf(newTenantId());
    await createDataset(deps, caller, { name: "swap", ...small });
    const wider = await updateDataset(deps, caller, "swap", { embedding_model: "lexical-hash-v1" }, "merge");
    expect(wider).toMatchObject({ embedding_model: "lexical-hash-v1", dimensions: 384 });
    const swapped = await updateDataset(deps, caller, "swap", { embedding_model: "other-model-8" }, "merge");
    expect(swapped.embedding_model).toBe("other-model-8");
    await insertVectorBatch(deps, caller, "swap", { vectors: [{ document_id: "d", values: axis(8, 1) }] });
    await expect(
      updateDataset(deps, caller, "swap", { embedding_model: "lexical-hash-v1-8" }, "merge"),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("deleting datasets", () => {
  it("trashes a dataset: gone from lookups and lists, and its name can be used again (G38)", async () => {
    const caller = callerOf(newTenantId());
    await createDataset(deps, caller, { name: "gone", ...small });
    await insertVectorBatch(deps, caller, "gone", { vectors: [{ document_id: "d", values: axis(8, 2) }] });
    const deleted = await deleteDataset(deps, caller, "gone");
    expect(deleted).toMatchObject({ success: true, message: "Dataset 'gone' deleted successfully" });
    await expect(getDataset(deps, caller, "gone")).rejects.toMatchObject({ code: "DATASET_NOT_FOUND" });
    await expect(deleteDataset(deps, caller, "gone")).rejects.toMatchObject({ code: "DATASET_NOT_FOUND" });
    const names = (await listDatasets(deps, caller, { limit: 100 })).data.map((dataset) => dataset.name);
    expect(names).not.toContain("gone");
    const again = await createDataset(deps, caller, { name: "gone", ...small });
    expect(again.vector_count).toBe(0);
  });

  it("keeps the default dataset and leaves deletion to owners and admins", async () => {
    const tenantId = newTenantId();
    await createDataset(deps, callerOf(tenantId), { name: "keep", ...small });
    await expect(deleteDataset(deps, callerOf(tenantId), "default")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(deleteDataset(deps, callerOf(tenantId, "member"), "keep")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await deleteDataset(deps, callerOf(tenantId, "admin"), "keep")).success).toBe(true);
  });
});

describe("dataset stats", () => {
  it("counts documents, chunks, languages and content types, and names the fallback embedder", async () => {
    const caller = callerOf(newTenantId());
    await createDataset(deps, caller, { name: "stats", ...small, index_type: "hnsw" });
    await insertVectorBatch(deps, caller, "stats", {
      vectors: [
        { document_id: "doc-1", chunk_id: "c1", values: axis(8, 0), content: "one", language: "en" },
        { document_id: "doc-1", chunk_id: "c2", values: axis(8, 1), content: "deux", language: "fr" },
        { document_id: "doc-2", values: axis(8, 2), content: "# three", content_type: "text/markdown" },
      ],
    });
    const stats = datasetStatsSchema.parse(await getDatasetStats(deps, caller, "stats"));
    expect(stats).toMatchObject({
      vector_count: 3,
      metadata_stats: {
        unique_documents: 2,
        unique_chunks: 3,
        languages: { en: 2, fr: 1 },
        content_types: { "text/plain": 2, "text/markdown": 1 },
      },
      index_stats: {
        index_type: "hnsw",
        search: "hnsw",
        parameters: { m: 16, ef_construction: 200, ef_search: 50 },
      },
      embedding_model: { name: "lexical-hash-v1-8", provider: "lexical", dimensions: 8, fallback: true },
      last_rebuild_at: null,
    });
    expect(stats.storage_size).toBeGreaterThan(0);
    expect(stats.dataset.storage_size).toBe(stats.storage_size);
    expect(stats.index_stats.memory_usage_bytes).toBeGreaterThan(0);
    expect(stats.last_updated).toMatch(/\.\d{6}Z$/);
  });
});
