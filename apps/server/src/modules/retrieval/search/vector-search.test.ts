import type { MetricType } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql, SqlTx } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import type { RetrievalDeps } from "../deps.js";
import { requireDataset } from "../store/find-dataset.js";
import { callerOf, newTenantId } from "../testing/retrieval-callers.js";
import { idsOf, recordId, search, seedDataset } from "../testing/search-fixtures.js";
import { createTestEmbeddings } from "../testing/test-embeddings.js";
import { retrieveByVector } from "./retrieve-by-vector.js";

let sql: Sql;
let deps: RetrievalDeps;

beforeAll(async () => {
  sql = await openTestSql("pglite");
  deps = { sql, embeddings: createTestEmbeddings(), logger: createLogger("silent") };
});
afterAll(async () => {
  await sql?.close();
});

const pad = (values: number[]) => [...values, ...new Array(8 - values.length).fill(0)];
// a = q, b at cos 0.8, c orthogonal, d opposite.
const handMade = [
  { id: recordId(1), document_id: "doc-a", values: pad([1]), content: "alpha", metadata: { page: 1 } },
  { id: recordId(2), document_id: "doc-b", values: pad([0.8, 0.6]), content: "beta", metadata: { page: 2 } },
  { id: recordId(3), document_id: "doc-c", values: pad([0, 1]), content: "gamma", metadata: { page: 3 } },
  { id: recordId(4), document_id: "doc-d", values: pad([-1]), content: "delta", metadata: { page: 4 } },
];
const query = pad([1]);

const expected: Record<MetricType, { order: number[]; distances: number[]; scores: number[] }> = {
  cosine: { order: [1, 2, 3, 4], distances: [0, 0.2, 1, 2], scores: [1, 0.8, 0, -1] },
  euclidean: {
    order: [1, 2, 3, 4],
    distances: [0, Math.sqrt(0.4), Math.SQRT2, 2],
    scores: [1, 1 / (1 + Math.sqrt(0.4)), 1 / (1 + Math.SQRT2), 1 / 3],
  },
  manhattan: { order: [1, 2, 3, 4], distances: [0, 0.8, 2, 2], scores: [1, 1 / 1.8, 1 / 3, 1 / 3] },
  dot_product: { order: [1, 2, 3, 4], distances: [-1, -0.8, 0, 1], scores: [1, 0.8, 0, -1] },
};

describe("scores and order per metric (G28, requirement 14)", () => {
  for (const metric of Object.keys(expected) as MetricType[]) {
    for (const index_type of ["flat", "hnsw"]) {
      it(`${metric} on a ${index_type} dataset`, async () => {
        const caller = callerOf(newTenantId());
        await seedDataset(deps, caller, "m", handMade, { metric_type: metric, index_type });
        const response = await search(deps, caller, "m", "vector", { query_vector: query });
        const want = expected[metric];
        expect(idsOf(response)).toEqual(want.order.map(recordId));
        response.results.forEach((result, index) => {
          expect(result.rank).toBe(index + 1);
          expect(result.distance).toBeCloseTo(want.distances[index] ?? Number.NaN, 5);
          expect(result.score).toBeCloseTo(want.scores[index] ?? Number.NaN, 5);
          expect(result.explanation).toMatchObject({
            method: "vector_search",
            metric,
            score: String(result.score),
          });
        });
        expect(response).toMatchObject({ total_found: 4, has_more: false, embedding_time_ms: 0 });
        expect(response.results[0]?.vector).toMatchObject({ content: "alpha", metadata: { page: 1 } });
        expect(response.results[0]?.vector.values).toBeUndefined();
      });
    }
  }

  it("scans exactly when the query's metric is not the index's (G30)", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "m", handMade, { index_type: "hnsw" });
    const response = await search(deps, caller, "m", "vector", {
      query_vector: query,
      metric_type: "euclidean",
    });
    expect(response.stats.search).toBe("exact");
    expect(response.results.map((result) => result.score)).toEqual(
      expected.euclidean.scores.map((score) => expect.closeTo(score, 5)),
    );
  });
});

describe("thresholds, pages and fields", () => {
  it("keeps only scores ≥ min_score (or threshold) and distances ≤ max_distance, counted in total_found", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "t", handMade);
    const byScore = await search(deps, caller, "t", "vector", {
      query_vector: query,
      options: { threshold: 0.5 },
    });
    expect(idsOf(byScore)).toEqual([recordId(1), recordId(2)]);
    expect(byScore.total_found).toBe(2);
    const byDistance = await search(deps, caller, "t", "vector", { query_vector: query, max_distance: 0.1 });
    expect(idsOf(byDistance)).toEqual([recordId(1)]);
  });

  it("pages with top_k and offset; has_more = total_found > offset + results", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "p", handMade);
    const first = await search(deps, caller, "p", "vector", { query_vector: query, top_k: 2 });
    expect(idsOf(first)).toEqual([recordId(1), recordId(2)]);
    expect(first).toMatchObject({ total_found: 4, has_more: true });
    const second = await search(deps, caller, "p", "vector", { query_vector: query, top_k: 2, offset: 2 });
    expect(idsOf(second)).toEqual([recordId(3), recordId(4)]);
    expect(second.results.map((result) => result.rank)).toEqual([3, 4]);
    expect(second).toMatchObject({ total_found: 4, has_more: false });
  });

  it("leaves out content and metadata, or adds values, on request", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "f", handMade);
    const lean = await search(deps, caller, "f", "vector", {
      query_vector: query,
      top_k: 1,
      options: { include_content: false, include_metadata: false, include_embeddings: true },
    });
    const vector = lean.results[0]?.vector;
    expect(vector && "content" in vector).toBe(false);
    expect(vector && "metadata" in vector).toBe(false);
    expect(vector?.values).toEqual(query);
  });

  it("refuses a query of other dimensions with INVALID_DIMENSIONS naming both", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "d", handMade);
    await expect(search(deps, caller, "d", "vector", { query_vector: [1, 0, 0] })).rejects.toMatchObject({
      code: "INVALID_DIMENSIONS",
      message: "Query vector dimensions (3) don't match dataset dimensions (8)",
      details: { provided_dimensions: 3, expected_dimensions: 8 },
    });
    await expect(search(deps, caller, "nope", "vector", { query_vector: query })).rejects.toMatchObject({
      code: "DATASET_NOT_FOUND",
    });
  });

  it("embeds query_text with the dataset's model", async () => {
    const caller = callerOf(newTenantId());
    const embedder = deps.embeddings;
    const texts = ["solar panels on the roof", "a recipe for bread", "wind turbines and solar power"];
    const { vectors } = await embedder.embed({ tenantId: "t", model: "lexical-hash-v1-8", texts });
    await seedDataset(
      deps,
      caller,
      "e",
      texts.map((content, index) => ({
        id: recordId(index + 1),
        document_id: `d${index}`,
        content,
        values: vectors[index] ?? [],
      })),
    );
    const response = await search(deps, caller, "e", "vector", {
      query_text: "solar panels on the roof",
      top_k: 1,
    });
    expect(idsOf(response)).toEqual([recordId(1)]);
    expect(response.results[0]?.score).toBeCloseTo(1, 5);
    expect(response.embedding_time_ms).toBeGreaterThanOrEqual(0);
  });
});

describe("filters inside the query (G22)", () => {
  it("applies dict, tree and SQL-like filters on metadata and columns", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "flt", handMade);
    const cases: [unknown, number[]][] = [
      [{ page: { gte: 2 } }, [2, 3, 4]],
      [{ document_id: ["doc-a", "doc-d"] }, [1, 4]],
      [
        {
          OR: [
            { field: "page", operator: "eq", value: 3 },
            { field: "content", operator: "startswith", value: "al" },
          ],
        },
        [1, 3],
      ],
      ["page BETWEEN 2 AND 3 AND language = 'en'", [2, 3]],
      [{ missing_field: { exists: false } }, [1, 2, 3, 4]],
    ];
    for (const [filters, ids] of cases) {
      const response = await search(deps, caller, "flt", "vector", {
        query_vector: query,
        filters: filters as never,
      });
      expect(idsOf(response)).toEqual(ids.map(recordId));
      expect(response.total_found).toBe(ids.length);
    }
  });

  it("returns top_k filtered matches from an HNSW dataset even when they rank far away", async () => {
    const caller = callerOf(newTenantId());
    const records = Array.from({ length: 600 }, (_, index) => ({
      id: recordId(index + 1),
      document_id: `doc-${index}`,
      values: pad([Math.cos(index / 100), Math.sin(index / 100), (index % 7) / 10, (index % 3) / 10]),
      metadata: { rare: index % 50 === 49 },
    }));
    await seedDataset(deps, caller, "big", records, { index_type: "hnsw" });
    const unfiltered = await search(deps, caller, "big", "vector", {
      query_vector: query,
      top_k: 20,
      ef_search: 10,
    });
    expect(unfiltered.results).toHaveLength(20);
    expect(unfiltered).toMatchObject({ has_more: true, total_found: 600, stats: { search: "hnsw" } });
    expect(await planOf(caller.space.tenantId, "big")).toMatch(
      /Index Scan using dataset_vectors_hnsw_[0-9a-f]{32}_1/,
    );
    const filtered = await search(deps, caller, "big", "vector", {
      query_vector: query,
      top_k: 10,
      filters: { rare: true },
    });
    expect(filtered.results).toHaveLength(10);
    expect(filtered.total_found).toBe(12);
    expect(filtered.results.every((result) => result.vector.metadata?.rare === true)).toBe(true);
    const exact = await search(deps, caller, "big", "vector", {
      query_vector: query,
      top_k: 10,
      filters: { rare: true },
      metric_type: "euclidean",
    });
    expect(exact.stats.search).toBe("exact");
  });
});

/** The plan PostgreSQL chooses for the retriever's indexed query (its partial index must match). */
async function planOf(tenantId: string, name: string): Promise<string> {
  return sql.withTenant(tenantId, async (tx) => {
    const dataset = await requireDataset(tx, tenantId, name, deps.embeddings.defaultModel);
    const plans: string[] = [];
    const explaining: SqlTx = {
      db: tx.db,
      async query<T extends object>(text: string, params?: readonly unknown[]) {
        if (text.startsWith("SELECT")) {
          const rows = await tx.query<Record<string, string>>(`EXPLAIN ${text}`, params);
          plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
        }
        return tx.query<T>(text, params);
      },
    };
    const fields = { content: false, metadata: false, values: false };
    const vectorQuery = { scope: { tenantId, dataset, filter: null }, dataset, vector: query, fields };
    await retrieveByVector(
      explaining,
      { ...vectorQuery, metric: "cosine", minScore: null, maxDistance: null, efSearch: null },
      10,
    );
    return plans.join("\n");
  });
}

describe("deduplication and grouping (G34)", () => {
  it("keeps the best chunk per document and the best record per content hash; top_k counts documents", async () => {
    const caller = callerOf(newTenantId());
    const records = [
      { id: recordId(1), document_id: "doc-1", values: pad([1]), content: "same text" },
      { id: recordId(2), document_id: "doc-1", values: pad([0.99, 0.1]), content: "chunk two" },
      { id: recordId(3), document_id: "doc-1", values: pad([0.98, 0.2]), content: "chunk three" },
      { id: recordId(4), document_id: "doc-2", values: pad([0.9, 0.3]), content: "same text" },
      { id: recordId(5), document_id: "doc-3", values: pad([0.5, 0.5]), content: "other" },
    ];
    await seedDataset(deps, caller, "g", records);
    const grouped = await search(deps, caller, "g", "vector", {
      query_vector: query,
      top_k: 2,
      options: { group_by_document: true },
    });
    expect(idsOf(grouped)).toEqual([recordId(1), recordId(4)]);
    expect(grouped).toMatchObject({ total_found: 3, has_more: true });
    const deduplicated = await search(deps, caller, "g", "vector", {
      query_vector: query,
      deduplicate: true,
    });
    expect(idsOf(deduplicated)).toEqual([1, 2, 3, 5].map(recordId));
    expect(deduplicated.total_found).toBe(4);
  });
});
