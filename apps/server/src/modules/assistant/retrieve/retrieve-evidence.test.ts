import { describe, expect, it } from "vitest";
import type { ContentCaller } from "../../content/index.js";
import type { SearchSpace } from "../search-port.js";
import { numberedPassage } from "../testing/fixture-passages.js";
import { describePassages, retrieveEvidence } from "./retrieve-evidence.js";

const caller = {
  principal: {
    kind: "user",
    id: "u",
    userId: "u",
    scopes: null,
    platformRole: "user",
    restrictedToSpaceId: null,
  },
  space: { spaceId: "space_1", tenantId: "tenant_1", role: "member" },
} satisfies ContentCaller;

const results = [
  numberedPassage(1, "The harbour lighthouse was painted white in 1902."),
  numberedPassage(2, "The Acme mill was founded in 1887.", { document_name: "Acme history.txt" }),
  numberedPassage(3, "Weavers worked at the mill."),
];
const stats = {
  search_mode: "hybrid",
  vector_results: 3,
  text_results: 3,
  embedding_model: "lexical-hash-v1",
  embedding_fallback: true,
} as const;
const search: SearchSpace = async () => ({ results, took_ms: 3, stats });

describe("retrieveEvidence", () => {
  it("keeps, and numbers, only passages that cover enough of the query's key terms", async () => {
    const request = { query: "When was the Acme mill founded?", top_k: 5, search_mode: "hybrid" } as const;
    const evidence = await retrieveEvidence(search, caller, request, 0.5);
    expect(evidence.passages.map((p) => [p.index, p.chunk_id])).toEqual([[1, results[1]?.chunk_id]]);
    const described = describePassages(evidence, new Set([1]));
    expect(described.map((p) => [p.rank, p.index, p.evidence, p.in_prompt])).toEqual([
      [1, null, false, false],
      [2, 1, true, true],
      [3, null, false, false],
    ]);
  });

  it("with the gate off, every passage the search returned is evidence", async () => {
    const request = { query: "Who built the lighthouse?", top_k: 5, search_mode: "text" } as const;
    const evidence = await retrieveEvidence(search, caller, request, 0);
    expect(evidence.passages).toHaveLength(3);
  });
});
