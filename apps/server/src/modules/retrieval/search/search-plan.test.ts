import type { SearchRequest } from "@tributary/contracts";
import { describe, expect, it } from "vitest";
import { parseSearchPlan, type SearchMode } from "./search-plan.js";

const vector = [1, 0, 0];

describe("search parameters (requirement 13, 19)", () => {
  it("fills the spec's defaults", () => {
    const plan = parseSearchPlan({ query_vector: vector }, "hybrid");
    expect(plan).toMatchObject({
      topK: 10,
      offset: 0,
      minScore: null,
      maxDistance: null,
      metric: null,
      fields: { content: true, metadata: true, values: false },
      filter: null,
      deduplicate: false,
      groupByDocument: false,
      fusion: { method: "weighted_sum", weights: { vector: 0.5, text: 0.5 }, rrfK: 60 },
    });
  });

  it("refuses top_k 0, 1001 and fractions with INVALID_SEARCH_PARAMS", () => {
    for (const top_k of [0, 1001, 2.5, -1]) {
      expect(() => parseSearchPlan({ query_vector: vector, top_k }, "vector")).toThrow(
        expect.objectContaining({
          code: "INVALID_SEARCH_PARAMS",
          details: expect.objectContaining({ field: "top_k" }),
        }),
      );
      expect(() => parseSearchPlan({ query_vector: vector, options: { top_k } }, "vector")).toThrow(
        expect.objectContaining({ code: "INVALID_SEARCH_PARAMS" }),
      );
    }
    expect(parseSearchPlan({ query_vector: vector, top_k: 1000 }, "vector").topK).toBe(1000);
    expect(parseSearchPlan({ query_vector: vector, top_k: 1 }, "vector").topK).toBe(1);
  });

  it("refuses empty and oversized queries", () => {
    const refused: [SearchRequest, SearchMode][] = [
      [{}, "vector"],
      [{}, "hybrid"],
      [{ query_vector: [] }, "vector"],
      [{ query_vector: new Array(10_001).fill(0) }, "vector"],
      [{ query_text: "" }, "vector"],
      [{ query_text: "   " }, "text"],
      [{ query_text: "x".repeat(10_001) }, "text"],
      [{ query_vector: vector }, "text"],
    ];
    for (const [request, mode] of refused) {
      expect(() => parseSearchPlan(request, mode)).toThrow(
        expect.objectContaining({ code: "INVALID_SEARCH_PARAMS" }),
      );
    }
    expect(() => parseSearchPlan({ query_vector: [] }, "vector")).toThrow("Query vector cannot be empty");
    expect(() => parseSearchPlan({ query_vector: new Array(10_001).fill(0) }, "vector")).toThrow(
      "Query vector dimensions cannot exceed 10000",
    );
  });

  it("checks thresholds, metric, ef_search and filters", () => {
    const refused = [
      { min_score: 1.5 },
      { threshold: -0.1 },
      { max_distance: -1 },
      { metric_type: "hamming" },
      { ef_search: 0 },
      { offset: -1 },
      { filters: { a: { $regex: "x" } } },
      { filters: "a = " },
    ];
    for (const options of refused) {
      expect(() => parseSearchPlan({ query_vector: vector, ...options }, "vector")).toThrow(
        expect.objectContaining({ code: "INVALID_SEARCH_PARAMS" }),
      );
    }
    const plan = parseSearchPlan(
      { query_vector: vector, options: { threshold: 0.3, top_k: 5, include_content: false }, top_k: 7 },
      "vector",
    );
    expect(plan).toMatchObject({ minScore: 0.3, topK: 7, fields: { content: false } });
    expect(
      parseSearchPlan({ query_vector: vector, deduplicate_by_document: true }, "vector").groupByDocument,
    ).toBe(true);
    expect(
      parseSearchPlan({ query_vector: vector, filters: { lang: "en" } }, "vector").filter,
    ).not.toBeNull();
  });

  it("checks hybrid weights and fusion names only for hybrid search", () => {
    const hybrid = (fields: Record<string, unknown>) => () =>
      parseSearchPlan({ query_text: "q", ...fields }, "hybrid");
    expect(hybrid({ vector_weight: 0.7, text_weight: 0.2 })).toThrow(
      "Vector weight and text weight must sum to 1.0",
    );
    expect(hybrid({ vector_weight: 0.505, text_weight: 0.5 })).not.toThrow();
    expect(hybrid({ fusion_method: "max" })).toThrow(
      expect.objectContaining({ code: "INVALID_SEARCH_PARAMS" }),
    );
    expect(parseSearchPlan({ query_text: "q", fusion: "rrf", rrf_k: 10 }, "hybrid").fusion).toMatchObject({
      method: "reciprocal_rank_fusion",
      rrfK: 10,
    });
    expect(() => parseSearchPlan({ query_text: "q", fusion_method: "max" }, "text")).not.toThrow();
  });
});
