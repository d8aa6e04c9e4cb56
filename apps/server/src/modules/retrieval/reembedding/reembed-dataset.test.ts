import {
  type DatasetResponse,
  datasetSchema,
  datasetStatsSchema,
  type VectorCreate,
} from "@tributary/contracts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { JobQueue } from "../../../platform/jobs/index.js";
import { testQueues } from "../../../platform/jobs/testing/test-queues.js";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import { waitFor } from "../../../testing/wait-for.js";
import type { RetrievalDeps } from "../deps.js";
import { createLexicalEmbedder, type EmbeddingService, type EmbedRequest } from "../embeddings/index.js";
import { createDocumentIndexer } from "../indexing/create-document-indexer.js";
import { createDataset } from "../store/create-dataset.js";
import { hnswIndexName } from "../store/dataset-index.js";
import { deleteVector } from "../store/delete-vector.js";
import { getDataset } from "../store/get-dataset.js";
import { getDatasetStats } from "../store/get-dataset-stats.js";
import { getVector } from "../store/get-vector.js";
import { insertVectorBatch } from "../store/insert-vector-batch.js";
import type { RetrievalCaller } from "../store/retrieval-access.js";
import { updateDataset } from "../store/update-dataset.js";
import { axis, callerOf, newTenantId } from "../testing/retrieval-callers.js";
import { idsOf, recordId, search, seedDataset } from "../testing/search-fixtures.js";
import { createTestEmbeddings } from "../testing/test-embeddings.js";
import { reembedDatasetJob } from "./reembed-dataset-job.js";
import { reembedQueue } from "./reembedding-state.js";

// Vectors need pgvector: PGlite has it, the CI PostgreSQL does not (decision 0010).
let sql: Sql;
const queues = testQueues(() => sql);
const lexical384 = createLexicalEmbedder(384);
const lexical64 = createLexicalEmbedder(64);
const target = "lexical-hash-v1-64";

beforeAll(async () => {
  sql = await openTestSql("pglite");
});
afterEach(async () => {
  await queues.stopAll();
});
afterAll(async () => {
  await sql?.close();
});

/** Test embeddings whose `embed` first runs `before` for calls with the target model. */
function hooked(before: (request: EmbedRequest, call: number) => Promise<void>): EmbeddingService {
  const base = createTestEmbeddings();
  let calls = 0;
  return {
    ...base,
    async embed(request) {
      if (request.model === target) {
        calls += 1;
        await before(request, calls);
      }
      return base.embed(request);
    },
  };
}

/** Deps over a queue that is opened but not started: the job runs once `work` starts it. */
function depsWith(embeddings: EmbeddingService): { deps: RetrievalDeps; queue: JobQueue } {
  const queue = queues.open();
  return { deps: { sql, embeddings, logger: createLogger("silent"), jobs: queue }, queue };
}

function runJobs(deps: RetrievalDeps, queue: JobQueue, batchSize = 100): void {
  queue.work(reembedQueue, reembedDatasetJob(deps, { batchSize }));
  queue.start();
}

function record(n: number, text: string): VectorCreate {
  return {
    id: recordId(n),
    document_id: `doc-${n % 25}`,
    values: lexical384.embed([text])[0] ?? [],
    content: text,
    metadata: { topic: `t${n % 7}` },
  };
}

async function seed(deps: RetrievalDeps, caller: RetrievalCaller, name: string, count: number) {
  const records = Array.from({ length: count }, (_, i) =>
    record(i + 1, `record ${i + 1} about subject ${i % 7}`),
  );
  await seedDataset(deps, caller, name, records, {
    embedding_model: "lexical-hash-v1",
    dimensions: 384,
    index_type: "hnsw",
  });
}

async function settled(deps: RetrievalDeps, caller: RetrievalCaller, name: string): Promise<DatasetResponse> {
  return waitFor(
    "the re-embedding to finish",
    async () => {
      const dataset = datasetSchema.parse(await getDataset(deps, caller, name));
      return dataset.reembedding?.status === "running" ? undefined : dataset;
    },
    30_000,
  );
}

async function generations(tenantId: string, name: string) {
  return sql.withTenant(tenantId, (tx) =>
    tx.query<{ generation: number; records: number; dims: number; models: string[] }>(
      `SELECT v.generation, count(*)::int AS records, max(vector_dims(v.embedding))::int AS dims,
              array_agg(DISTINCT v.model) AS models
         FROM dataset_vectors v JOIN vector_datasets d ON d.id = v.dataset_id
        WHERE d.tenant_id = $1 AND d.name = $2 AND d.deleted_at IS NULL
        GROUP BY v.generation ORDER BY v.generation`,
      [tenantId, name],
    ),
  );
}

async function indexExists(tenantId: string, name: string, generation: number): Promise<boolean> {
  const [dataset] = await sql.withTenant(tenantId, (tx) =>
    tx.query<{ id: string }>("SELECT id FROM vector_datasets WHERE tenant_id = $1 AND name = $2", [
      tenantId,
      name,
    ]),
  );
  if (!dataset) throw new Error("no dataset");
  const [row] = await sql.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [
    hnswIndexName({ id: dataset.id, generation }),
  ]);
  return row?.present === true;
}

describe("changing the model of a dataset with records", () => {
  it("re-embeds every record in the background, shows progress, and switches atomically", async () => {
    const tenantId = newTenantId();
    const caller = callerOf(tenantId);
    const observed: number[] = [];
    const servedModels = new Set<string>();
    const { deps, queue } = depsWith(
      hooked(async (_request, call) => {
        const dataset = datasetSchema.parse(await getDataset(deps, caller, "kb"));
        observed.push(dataset.reembedding?.done ?? -1);
        servedModels.add(`${dataset.embedding_model}/${dataset.dimensions}`);
        if (call !== 2) return;
        // Writes during the run go to the current generation; later passes copy them.
        await insertVectorBatch(deps, caller, "kb", { vectors: [record(900, "late arrival penguin")] });
        await insertVectorBatch(deps, caller, "kb", {
          vectors: [record(1, "rewritten zebra crossing")],
          overwrite: true,
        });
        await deleteVector(deps, caller, "kb", recordId(2));
      }),
    );
    await seed(deps, caller, "kb", 250);
    const before = await getVector(deps, caller, "kb", recordId(3));

    const started = datasetSchema.parse(
      await updateDataset(deps, caller, "kb", { embedding_model: target }, "merge"),
    );
    expect(started).toMatchObject({
      embedding_model: "lexical-hash-v1",
      dimensions: 384,
      vector_count: 250,
      reembedding: { status: "running", target_model: target, target_dimensions: 64, done: 0, total: 250 },
    });
    // A second change while one runs is refused; asking again for the same one is not.
    await expect(
      updateDataset(deps, caller, "kb", { embedding_model: "lexical-hash-v1-32" }, "merge"),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { reembedding_model: target } });
    const again = await updateDataset(deps, caller, "kb", { embedding_model: target }, "merge");
    expect(again.reembedding).toMatchObject({ status: "running", target_model: target });
    // Searching the current model still works before the switch.
    const early = await search(deps, caller, "kb", "text", { query_text: "record 7", top_k: 1 });
    expect(idsOf(early)).toEqual([recordId(7)]);

    runJobs(deps, queue);
    const done = await settled(deps, caller, "kb");
    expect(done).toMatchObject({
      embedding_model: target,
      dimensions: 64,
      vector_count: 250,
      reembedding: null,
    });
    // Progress grew batch by batch: 0, 100, 200, then the records written during the run.
    expect(observed.slice(0, 3)).toEqual([0, 100, 200]);
    expect(observed).toEqual([...observed].sort((a, b) => a - b));
    // The dataset served its current model all along.
    expect([...servedModels]).toEqual(["lexical-hash-v1/384"]);
    expect(await generations(tenantId, "kb")).toEqual([
      { generation: 2, records: 250, dims: 64, models: [target] },
    ]);
    expect(await indexExists(tenantId, "kb", 1)).toBe(false);
    expect(await indexExists(tenantId, "kb", 2)).toBe(true);
    const stats = datasetStatsSchema.parse(await getDatasetStats(deps, caller, "kb"));
    expect(stats.last_rebuild_at).not.toBeNull();
    expect(stats.embedding_model).toMatchObject({ name: target, dimensions: 64 });

    // Every record was re-embedded with the new model: 64-d queries find them, 384-d ones are refused.
    const late = await search(deps, caller, "kb", "vector", {
      query_vector: lexical64.embed(["late arrival penguin"])[0],
      top_k: 1,
    });
    expect(idsOf(late)).toEqual([recordId(900)]);
    const rewritten = await search(deps, caller, "kb", "vector", {
      query_text: "rewritten zebra crossing",
      top_k: 1,
    });
    expect(idsOf(rewritten)).toEqual([recordId(1)]);
    await expect(
      search(deps, caller, "kb", "vector", { query_vector: lexical384.embed(["record"])[0], top_k: 1 }),
    ).rejects.toMatchObject({ code: "INVALID_DIMENSIONS" });
    await expect(getVector(deps, caller, "kb", recordId(2))).rejects.toMatchObject({
      code: "VECTOR_NOT_FOUND",
    });
    // A record keeps its identity, text and times; only its vector and model change.
    const after = await getVector(deps, caller, "kb", recordId(3));
    expect(after).toMatchObject({
      content: before.content,
      metadata: before.metadata,
      document_id: before.document_id,
      created_at: before.created_at,
      updated_at: before.updated_at,
      model: target,
      dimensions: 64,
    });
  });

  it("fails without touching the searchable generation, and can start over", async () => {
    const tenantId = newTenantId();
    const caller = callerOf(tenantId);
    const { deps, queue } = depsWith(
      hooked(async (_request, call) => {
        // A record stored as a vector only cannot be re-embedded: the run fails for good.
        if (call === 1) {
          await insertVectorBatch(deps, caller, "kb", {
            vectors: [{ id: recordId(500), document_id: "bare", values: axis(384, 5) }],
          });
        }
      }),
    );
    await seed(deps, caller, "kb", 120);
    await updateDataset(deps, caller, "kb", { embedding_model: target }, "merge");
    runJobs(deps, queue);
    const failed = await settled(deps, caller, "kb");
    expect(failed).toMatchObject({
      embedding_model: "lexical-hash-v1",
      dimensions: 384,
      vector_count: 121,
      reembedding: { status: "failed", target_model: target },
    });
    expect(failed.reembedding?.error).toMatch(/1 record\(s\) of dataset 'kb' have no content/);
    expect(await generations(tenantId, "kb")).toEqual([
      { generation: 1, records: 121, dims: 384, models: ["lexical-hash-v1"] },
    ]);
    expect(await indexExists(tenantId, "kb", 2)).toBe(false);
    const hit = await search(deps, caller, "kb", "vector", {
      query_text: "record 9 about subject 1",
      top_k: 1,
    });
    expect(idsOf(hit)).toEqual([recordId(9)]);

    // Changing again is refused up front while records lack content, and runs once they are gone.
    await expect(
      updateDataset(deps, caller, "kb", { embedding_model: target }, "merge"),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await deleteVector(deps, caller, "kb", recordId(500));
    const restarted = await updateDataset(deps, caller, "kb", { embedding_model: target }, "merge");
    expect(restarted.reembedding).toMatchObject({ status: "running", done: 0, total: 120, error: null });
    expect(await settled(deps, caller, "kb")).toMatchObject({ embedding_model: target, vector_count: 120 });
    // Generations are never reused: the failed run had 2, this one 3.
    expect(await generations(tenantId, "kb")).toEqual([
      { generation: 3, records: 120, dims: 64, models: [target] },
    ]);
  });

  it("records the provider's error after the last attempt", async () => {
    const tenantId = newTenantId();
    const caller = callerOf(tenantId);
    const { deps, queue } = depsWith(
      hooked(async () => {
        throw new Error("provider unavailable");
      }),
    );
    await seed(deps, caller, "kb", 10);
    await updateDataset(deps, caller, "kb", { embedding_model: target }, "merge");
    runJobs(deps, queue);
    const failed = await settled(deps, caller, "kb");
    expect(failed.reembedding).toMatchObject({
      status: "failed",
      error: "Re-embedding failed after 3 attempt(s): provider unavailable",
    });
    expect(failed).toMatchObject({ embedding_model: "lexical-hash-v1", vector_count: 10 });
  });

  it("stops when its job is cancelled", async () => {
    const tenantId = newTenantId();
    const caller = callerOf(tenantId);
    const { deps, queue } = depsWith(
      hooked(async (_request, call) => {
        if (call !== 1) return;
        const [job] = await sql.query<{ id: string }>(
          "SELECT id FROM jobs WHERE queue = $1 AND tenant_id = $2 AND status = 'running'",
          [reembedQueue, tenantId],
        );
        if (job) await queue.cancel(job.id);
      }),
    );
    await seed(deps, caller, "kb", 150);
    await updateDataset(deps, caller, "kb", { embedding_model: target }, "merge");
    runJobs(deps, queue);
    const failed = await settled(deps, caller, "kb");
    expect(failed.reembedding).toMatchObject({ status: "failed", error: "The re-embedding was cancelled" });
    expect(await generations(tenantId, "kb")).toEqual([
      { generation: 1, records: 150, dims: 384, models: ["lexical-hash-v1"] },
    ]);
  });
});

describe("model changes that need no re-embedding, or cannot have one", () => {
  it("switches an empty dataset at once, dimensions and index included", async () => {
    const tenantId = newTenantId();
    const caller = callerOf(tenantId);
    const { deps } = depsWith(createTestEmbeddings());
    await createDataset(deps, caller, { name: "empty", index_type: "hnsw" });
    const switched = await updateDataset(
      deps,
      caller,
      "empty",
      { embedding_model: target, dimensions: 64 },
      "merge",
    );
    expect(switched).toMatchObject({ embedding_model: target, dimensions: 64, reembedding: null });
    expect(await indexExists(tenantId, "empty", 2)).toBe(true);
    const stored = await insertVectorBatch(deps, caller, "empty", {
      vectors: [
        { id: recordId(1), document_id: "d", values: lexical64.embed(["hello"])[0] ?? [], content: "hello" },
      ],
    });
    expect(stored.inserted_count).toBe(1);
  });

  it("checks the target model before anything changes", async () => {
    const caller = callerOf(newTenantId());
    const { deps } = depsWith(createTestEmbeddings());
    await seed(deps, caller, "kb", 3);
    const refused = [
      [{ embedding_model: "no-such-model" }, "INVALID_DATASET_CONFIG"],
      [{ embedding_model: target, dimensions: 32 }, "INVALID_DATASET_CONFIG"],
      // pgvector's HNSW holds at most 2,000 dimensions.
      [{ embedding_model: "lexical-hash-v1-3000" }, "INVALID_DATASET_CONFIG"],
    ] as const;
    for (const [request, code] of refused) {
      await expect(updateDataset(deps, caller, "kb", request, "merge")).rejects.toMatchObject({ code });
    }
    // Without a job queue a dataset with records keeps its model.
    const noJobs = { ...deps, jobs: undefined };
    await expect(
      updateDataset(noJobs, caller, "kb", { embedding_model: target }, "merge"),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await getDataset(deps, caller, "kb")).toMatchObject({
      embedding_model: "lexical-hash-v1",
      reembedding: null,
    });
  });

  it("makes the document indexer embed again when the model changed under it", async () => {
    const tenantId = newTenantId();
    const caller = callerOf(tenantId);
    const { deps } = depsWith(createTestEmbeddings());
    const indexer = createDocumentIndexer(deps);
    const document = {
      tenantId,
      spaceId: caller.space.spaceId,
      notebookId: "notebook-1",
      documentId: "doc-1",
      name: "notes.txt",
      title: null,
      tags: [],
      sensitivity: null,
      language: "en",
    };
    const chunk = {
      id: recordId(1),
      index: 0,
      content: "glacier field notes",
      page: null,
      headingPath: [],
      language: "en",
      startOffset: 0,
      endOffset: 19,
    };
    const signal = new AbortController().signal;
    const stale = await indexer.prepare(document, [chunk], signal);
    // The empty default dataset switches at once, between the embedding and its commit.
    await updateDataset(deps, caller, "default", { embedding_model: target }, "merge");
    await expect(sql.withTenant(tenantId, (tx) => stale.commit(tx))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const fresh = await indexer.prepare(document, [chunk], signal);
    await sql.withTenant(tenantId, (tx) => fresh.commit(tx));
    expect(await getDataset(deps, caller, "default")).toMatchObject({
      embedding_model: target,
      vector_count: 1,
    });
  });
});
