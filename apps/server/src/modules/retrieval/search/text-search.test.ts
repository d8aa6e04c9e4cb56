import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import type { RetrievalDeps } from "../deps.js";
import { axis, callerOf, newTenantId } from "../testing/retrieval-callers.js";
import { idsOf, recordId, search, seedDataset } from "../testing/search-fixtures.js";
import { createTestEmbeddings } from "../testing/test-embeddings.js";

let sql: Sql;
let deps: RetrievalDeps;

beforeAll(async () => {
  sql = await openTestSql("pglite");
  deps = { sql, embeddings: createTestEmbeddings(), logger: createLogger("silent") };
});
afterAll(async () => {
  await sql?.close();
});

const passages = [
  "The dog runs across the park every morning",
  "Cats sleep most of the day in the sun",
  "Running dogs and sleeping cats share the garden",
  "Quarterly revenue grew by twelve percent",
  "O'Brien's report: revenue, costs & margins",
];
const records = passages.map((content, index) => ({
  id: recordId(index + 1),
  document_id: `doc-${index + 1}`,
  values: axis(8, index % 8),
  content,
  metadata: { topic: index < 3 ? "animals" : "finance" },
}));

describe("lexical search (G26)", () => {
  it("matches any query word, stemmed or exact, best BM25 first, scores in [0, 1)", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "txt", records);
    const response = await search(deps, caller, "txt", "text", { query_text: "running dogs" });
    expect(idsOf(response)).toEqual([recordId(3), recordId(1)]);
    for (const result of response.results) {
      expect(result.score).toBeGreaterThan(0);
      expect(result.score).toBeLessThan(1);
      expect(result.distance).toBeCloseTo(1 - result.score, 10);
      expect(result.explanation).toMatchObject({
        method: "text_search",
        scoring: "bm25 / (bm25 + 10)",
        score: String(result.score),
      });
    }
    expect(response).toMatchObject({ total_found: 2, has_more: false, stats: { search: "fulltext" } });
    const either = await search(deps, caller, "txt", "text", { query_text: "cats revenue" });
    expect(new Set(idsOf(either))).toEqual(new Set([2, 3, 4, 5].map(recordId)));
  });

  it("takes quotes and operators in the query as plain words", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "txt", records);
    const response = await search(deps, caller, "txt", "text", { query_text: "O'Brien's & | ! (costs" });
    expect(idsOf(response)).toEqual([recordId(5)]);
    const nothing = await search(deps, caller, "txt", "text", { query_text: "!!! ???" });
    expect(nothing).toMatchObject({ results: [], total_found: 0, has_more: false });
  });

  it("applies min_score, filters and pages inside the query", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "txt", records);
    const all = await search(deps, caller, "txt", "text", { query_text: "cats dogs revenue" });
    const scores = all.results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const cut = (scores[0] ?? 0) - 1e-6;
    const strong = await search(deps, caller, "txt", "text", {
      query_text: "cats dogs revenue",
      min_score: cut,
    });
    expect(strong.results.length).toBeGreaterThanOrEqual(1);
    expect(strong.results.every((result) => result.score >= cut)).toBe(true);
    const animals = await search(deps, caller, "txt", "text", {
      query_text: "cats dogs revenue",
      filters: { topic: "finance" },
    });
    expect(new Set(idsOf(animals))).toEqual(new Set([recordId(4), recordId(5)]));
    const page = await search(deps, caller, "txt", "text", {
      query_text: "cats dogs revenue",
      top_k: 1,
      offset: 1,
    });
    expect(idsOf(page)).toEqual([all.results[1]?.vector.id]);
    expect(page).toMatchObject({ total_found: all.total_found, has_more: true });
  });

  it("stems in the dataset's language", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(
      deps,
      caller,
      "fr",
      [{ id: recordId(1), document_id: "d", values: axis(8, 0), content: "Le chat mange", language: "fr" }],
      { metadata: { language: "fr" } },
    );
    expect(idsOf(await search(deps, caller, "fr", "text", { query_text: "manger" }))).toEqual([recordId(1)]);
    expect(idsOf(await search(deps, caller, "fr", "text", { query_text: "manger", language: "en" }))).toEqual(
      [],
    );
  });

  it("weighs words by rarity: one rare word outranks a common word however often it occurs", async () => {
    const caller = callerOf(newTenantId());
    const gardens = [
      "The garden opens at nine, and the garden closes at dusk",
      "Garden plots are assigned each spring",
      "Water the garden in the morning",
      "Compost goes to the bins behind the garden shed",
      "The garden committee meets monthly",
      "Garden gloves are in the garden shed, next to the garden tools",
    ];
    await seedDataset(deps, caller, "idf", [
      ...gardens.map((content, index) => ({
        id: recordId(index + 1),
        document_id: `garden-${index + 1}`,
        values: axis(8, index % 8),
        content,
      })),
      {
        id: recordId(9),
        document_id: "coast",
        values: axis(8, 7),
        content: "The old lighthouse guards the bay",
      },
    ]);
    const response = await search(deps, caller, "idf", "text", { query_text: "garden lighthouse" });
    expect(idsOf(response)[0]).toBe(recordId(9));
    expect(response.total_found).toBe(7);
    // Among records holding only the common word, more occurrences still rank higher (tf).
    expect(idsOf(response).indexOf(recordId(6))).toBeLessThan(idsOf(response).indexOf(recordId(5)));
  });

  it("ignores stopwords: alone they match nothing, beside a content word they add nothing", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "stop", [
      {
        id: recordId(1),
        document_id: "filler",
        values: axis(8, 0),
        content: "It is of the kind that is and was and will be of the same kind as the rest of it",
      },
      { id: recordId(2), document_id: "keeper", values: axis(8, 1), content: "The keeper of the lighthouse" },
    ]);
    const nothing = await search(deps, caller, "stop", "text", { query_text: "the of and" });
    expect(nothing).toMatchObject({ results: [], total_found: 0, has_more: false });
    const hybrid = await search(deps, caller, "stop", "hybrid", { query_text: "the of and" });
    expect(hybrid.results.every((result) => result.scores?.text === null)).toBe(true);
    const keeper = await search(deps, caller, "stop", "text", {
      query_text: "the history of the lighthouse",
    });
    expect(idsOf(keeper)).toEqual([recordId(2)]);
  });

  it("scores a record the same inside and outside a filter: N, avgdl and df are the dataset's", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "txt", records);
    const all = await search(deps, caller, "txt", "text", { query_text: "revenue margins" });
    const finance = await search(deps, caller, "txt", "text", {
      query_text: "revenue margins",
      filters: { topic: "finance" },
    });
    expect(finance.results.map((result) => [result.vector.id, result.score])).toEqual(
      all.results.map((result) => [result.vector.id, result.score]),
    );
    expect(idsOf(all)).toEqual([recordId(5), recordId(4)]);
  });

  it("counts documents, not chunks, when grouping by document", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(
      deps,
      caller,
      "grouped",
      Array.from({ length: 30 }, (_, index) => ({
        id: recordId(index + 1),
        document_id: `doc-${index % 3}`,
        values: axis(8, index % 8),
        content: `Tide table entry ${index} for the harbour`,
      })),
    );
    const grouped = await search(deps, caller, "grouped", "text", {
      query_text: "harbour tide",
      top_k: 2,
      group_by_document: true,
    });
    expect(grouped.results).toHaveLength(2);
    expect(grouped).toMatchObject({ total_found: 3, has_more: true });
    const chunks = await search(deps, caller, "grouped", "text", { query_text: "harbour tide", top_k: 2 });
    expect(chunks).toMatchObject({ total_found: 30, has_more: true });
  });
});
