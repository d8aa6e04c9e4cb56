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
  it("matches any query word, stemmed or exact, best cover first, scores in [0, 1)", async () => {
    const caller = callerOf(newTenantId());
    await seedDataset(deps, caller, "txt", records);
    const response = await search(deps, caller, "txt", "text", { query_text: "running dogs" });
    expect(idsOf(response)).toEqual([recordId(3), recordId(1)]);
    for (const result of response.results) {
      expect(result.score).toBeGreaterThan(0);
      expect(result.score).toBeLessThan(1);
      expect(result.distance).toBeCloseTo(1 - result.score, 10);
      expect(result.explanation).toMatchObject({ method: "text_search", score: String(result.score) });
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
});
