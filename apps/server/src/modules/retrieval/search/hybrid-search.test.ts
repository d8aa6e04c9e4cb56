import type { SearchResponse } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import type { RetrievalDeps } from "../deps.js";
import { type FusionMethod, fuseRankings, fusionMethods } from "../fusion/index.js";
import { callerOf, newTenantId } from "../testing/retrieval-callers.js";
import { idsOf, recordId, search, seedDataset } from "../testing/search-fixtures.js";
import { createTestEmbeddings } from "../testing/test-embeddings.js";

let sql: Sql;
let deps: RetrievalDeps;

const passages = [
  "solar power for homes and small offices",
  "wind turbines produce power at sea",
  "bread recipes with sourdough starter",
  "solar panels lose efficiency in heat",
  "quarterly report on power prices",
  "a field guide to garden birds",
];

async function seed(name: string) {
  const caller = callerOf(newTenantId());
  const { vectors } = await deps.embeddings.embed({
    tenantId: "t",
    model: "lexical-hash-v1-8",
    texts: passages,
  });
  await seedDataset(
    deps,
    caller,
    name,
    passages.map((content, index) => ({
      id: recordId(index + 1),
      document_id: `doc-${index % 4}`,
      content,
      values: vectors[index] ?? [],
    })),
  );
  return caller;
}

const ranked = (response: SearchResponse) =>
  response.results.map((result) => ({ id: result.vector.id, score: result.score }));

beforeAll(async () => {
  sql = await openTestSql("pglite");
  deps = { sql, embeddings: createTestEmbeddings(), logger: createLogger("silent") };
});
afterAll(async () => {
  await sql?.close();
});

describe("hybrid search fuses the two retrievers (spec §5.4, requirements 16-19)", () => {
  for (const method of fusionMethods) {
    it(`${method} gives fuseRankings' numbers over the vector and text lists`, async () => {
      const caller = await seed("h");
      const query = { query_text: "solar power", top_k: 50 };
      const vectorList = ranked(await search(deps, caller, "h", "vector", query));
      const textList = ranked(await search(deps, caller, "h", "text", query));
      const weights = { vector: 0.6, text: 0.4 };
      const want = fuseRankings({
        vector: vectorList,
        text: textList,
        method: method as FusionMethod,
        weights,
      });
      const response = await search(deps, caller, "h", "hybrid", {
        ...query,
        top_k: 10,
        fusion_method: method,
        vector_weight: 0.6,
        text_weight: 0.4,
      });
      expect(response.results.map((result) => [result.vector.id, result.score])).toEqual(
        want.slice(0, 10).map((hit) => [hit.id, hit.score]),
      );
      const top = response.results[0];
      const fused = want[0];
      expect(top).toMatchObject({
        rank: 1,
        scores: { vector: fused?.vector?.score ?? null, text: fused?.text?.score ?? null },
        ranks: { vector: fused?.vector?.rank ?? null, text: fused?.text?.rank ?? null },
        explanation: {
          method: "hybrid_search",
          fusion_method: method,
          vector_weight: "0.6",
          text_weight: "0.4",
          final_score: String(fused?.score),
        },
      });
      expect(Object.values(top?.explanation ?? {}).every((value) => typeof value === "string")).toBe(true);
      expect(response.stats).toMatchObject({
        search: "hybrid",
        vector_results: vectorList.length,
        text_results: textList.length,
        fused_results: want.length,
      });
      expect(response.embedding_time_ms).toBeGreaterThanOrEqual(0);
      expect(response).toMatchObject({ total_found: want.length, has_more: want.length > 10 });
    });
  }

  it("defaults to weighted_sum at 0.5/0.5 and accepts the short names", async () => {
    const caller = await seed("d");
    const plain = await search(deps, caller, "d", "hybrid", { query_text: "solar power" });
    expect(plain.results[0]?.explanation).toMatchObject({
      fusion_method: "weighted_sum",
      vector_weight: "0.5",
      text_weight: "0.5",
    });
    const rrf = await search(deps, caller, "d", "hybrid", { query_text: "solar power", fusion: "rrf" });
    expect(rrf.results[0]?.explanation.fusion_method).toBe("reciprocal_rank_fusion");
    expect(rrf.results[0]?.score).toBeLessThanOrEqual(1 / 61 + 1e-12);
  });

  it("refuses weights off 1.0 and unknown methods with INVALID_SEARCH_PARAMS", async () => {
    const caller = await seed("w");
    await expect(
      search(deps, caller, "w", "hybrid", { query_text: "solar", vector_weight: 0.7, text_weight: 0.2 }),
    ).rejects.toMatchObject({
      code: "INVALID_SEARCH_PARAMS",
      message: "Vector weight and text weight must sum to 1.0",
    });
    await expect(
      search(deps, caller, "w", "hybrid", { query_text: "solar", fusion_method: "max" }),
    ).rejects.toMatchObject({ code: "INVALID_SEARCH_PARAMS" });
    const near = await search(deps, caller, "w", "hybrid", {
      query_text: "solar",
      vector_weight: 0.505,
      text_weight: 0.5,
    });
    expect(near.results.length).toBeGreaterThan(0);
    await expect(search(deps, caller, "w", "hybrid", {})).rejects.toMatchObject({
      code: "INVALID_SEARCH_PARAMS",
    });
  });

  it("applies min_score to each retriever before fusing (G27)", async () => {
    const caller = await seed("m");
    const vectorList = await search(deps, caller, "m", "vector", { query_text: "solar power", top_k: 50 });
    const cut = vectorList.results[1]?.score ?? 1;
    const response = await search(deps, caller, "m", "hybrid", {
      query_text: "solar power",
      min_score: cut,
      fusion_method: "reciprocal_rank_fusion",
    });
    for (const result of response.results) {
      if (result.scores?.vector !== null) expect(result.scores?.vector).toBeGreaterThanOrEqual(cut);
      if (result.scores?.text !== null) expect(result.scores?.text).toBeGreaterThanOrEqual(cut);
    }
    expect(response.stats.vector_results).toBe(
      vectorList.results.filter((result) => result.score >= cut).length,
    );
  });

  it("groups by document after fusion, top_k counting documents (G34)", async () => {
    const caller = await seed("g");
    const response = await search(deps, caller, "g", "hybrid", {
      query_text: "solar power",
      top_k: 3,
      deduplicate_by_document: true,
    });
    const documents = response.results.map((result) => result.vector.document_id);
    expect(new Set(documents).size).toBe(documents.length);
    expect(documents).toHaveLength(3);
    expect(response.total_found).toBe(4);
  });
});

describe("one retriever failing (G23, G25)", () => {
  it("answers from the text retriever when embedding fails, and says so", async () => {
    const caller = await seed("f");
    const failing: RetrievalDeps = { ...deps, embeddings: createTestEmbeddings({ failing: true }) };
    const response = await search(failing, caller, "f", "hybrid", { query_text: "solar power" });
    expect(response.results.length).toBeGreaterThan(0);
    expect(
      response.results.every((result) => result.scores?.vector === null && result.distance === null),
    ).toBe(true);
    expect(response.stats).toMatchObject({
      vector_results: 0,
      vector_error: expect.stringMatching(/^EMBEDDING_FAILED/),
    });
    await expect(search(failing, caller, "f", "vector", { query_text: "solar power" })).rejects.toMatchObject(
      {
        code: "EMBEDDING_FAILED",
      },
    );
  });

  it("skips the text retriever for a vector-only request", async () => {
    const caller = await seed("v");
    const [vector] = (
      await deps.embeddings.embed({ tenantId: "t", model: "lexical-hash-v1-8", texts: ["solar"] })
    ).vectors;
    const response = await search(deps, caller, "v", "hybrid", { query_vector: vector, top_k: 3 });
    expect(idsOf(response)).toHaveLength(3);
    expect(response.stats).toMatchObject({ text_results: 0, vector_results: passages.length });
  });
});
