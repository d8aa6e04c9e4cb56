import { describe, expect, it } from "vitest";
import type { ContentCaller } from "../../content/index.js";
import type { SearchSpace } from "../search-port.js";
import { numberedPassage } from "../testing/fixture-passages.js";
import { describePassages, hybridPool, retrieveEvidence } from "./retrieve-evidence.js";

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
  reranked: 0,
} as const;
const search: SearchSpace = async () => ({ results, took_ms: 3, stats });

describe("retrieveEvidence", () => {
  it("keeps, and numbers, only passages that cover enough of the query's key terms", async () => {
    const request = { query: "When was the Acme mill founded?", top_k: 5, search_mode: "hybrid" } as const;
    const evidence = await retrieveEvidence(search, caller, request, { minTermCoverage: 0.5, rerank: "off" });
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
    const evidence = await retrieveEvidence(search, caller, request, { minTermCoverage: 0, rerank: "off" });
    expect(evidence.passages).toHaveLength(3);
  });

  it("does not ask a passage for the words of its document's name", async () => {
    const named = [
      numberedPassage(1, "It was founded in 1887 by Mara Lind.", { document_name: "Acme mill.txt" }),
      numberedPassage(2, "The Acme company sold the mill.", { document_name: "Harbour.txt" }),
    ];
    const searchNamed: SearchSpace = async () => ({ results: named, took_ms: 1, stats });
    const request = { query: "Who founded the Acme mill?", top_k: 5, search_mode: "text" } as const;
    const evidence = await retrieveEvidence(searchNamed, caller, request, {
      minTermCoverage: 0.9,
      rerank: "off",
    });
    expect(evidence.passages.map((p) => p.chunk_id)).toEqual([named[0]?.chunk_id]);
  });
});

describe("the passages' order", () => {
  const scored = (index: number, text: number | null, vector: number | null) =>
    numberedPassage(index, `The Acme mill, passage ${index}.`, { scores: { vector, text, sentence: null } });
  // Fused (RRF) order: 1, 2, 3, 4; by BM25 alone: 3, 1, 4, then 2 (no shared word).
  const fused = [scored(1, 0.4, 0.9), scored(2, null, 0.8), scored(3, 0.6, 0.1), scored(4, 0.3, 0.2)];
  const searchWith = (fallback: boolean) => {
    const asked: number[] = [];
    const searchSpace: SearchSpace = async (_caller, request) => {
      asked.push(request.top_k ?? 0);
      return { results: fused, took_ms: 1, stats: { ...stats, embedding_fallback: fallback } };
    };
    return { searchSpace, asked };
  };
  const order = (passages: readonly { chunk_id: string; rank: number }[]) =>
    passages.map((p) => [fused.findIndex((f) => f.chunk_id === p.chunk_id) + 1, p.rank]);

  it("over a lexical fallback embedder, ranks hybrid candidates by BM25 and keeps top_k of them", async () => {
    const { searchSpace, asked } = searchWith(true);
    const request = { query: "Acme mill", top_k: 3, search_mode: "hybrid" } as const;
    const evidence = await retrieveEvidence(searchSpace, caller, request, {
      minTermCoverage: 0,
      rerank: "off",
    });
    expect(asked).toEqual([hybridPool]);
    expect(order(evidence.considered)).toEqual([
      [3, 1],
      [1, 2],
      [4, 3],
    ]);
    expect(evidence.passages.map((p) => p.index)).toEqual([1, 2, 3]);
  });

  it("keeps the fused order over an embedding model, and any order but hybrid's", async () => {
    const model = searchWith(false);
    const hybrid = { query: "Acme mill", top_k: 3, search_mode: "hybrid" } as const;
    expect(
      order(
        (await retrieveEvidence(model.searchSpace, caller, hybrid, { minTermCoverage: 0, rerank: "off" }))
          .considered,
      ),
    ).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    const fallback = searchWith(true);
    const text = { query: "Acme mill", top_k: 3, search_mode: "text" } as const;
    const evidence = await retrieveEvidence(fallback.searchSpace, caller, text, {
      minTermCoverage: 0,
      rerank: "off",
    });
    expect(fallback.asked).toEqual([3]);
    expect(order(evidence.considered)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });
});

describe("re-ranking by sentence", () => {
  it("is asked of the search as ASSISTANT_RERANK says", async () => {
    const asked: unknown[] = [];
    const searchSpace: SearchSpace = async (_caller, request) => {
      asked.push(request.rerank);
      return { results, took_ms: 1, stats };
    };
    const request = { query: "Acme mill", top_k: 3, search_mode: "hybrid" } as const;
    for (const rerank of ["auto", "on", "off"] as const) {
      await retrieveEvidence(searchSpace, caller, request, { minTermCoverage: 0, rerank });
    }
    expect(asked).toEqual(["auto", true, false]);
  });
});
