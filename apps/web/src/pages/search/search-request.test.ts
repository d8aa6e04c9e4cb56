import { describe, expect, it } from "vitest";
import { activeFilterCount, filterErrors, noFilters, startOfDay, toSearchRequest } from "./search-request";

describe("toSearchRequest", () => {
  it("sends only the query, mode, result count and re-ranking when no filter is set", () => {
    expect(toSearchRequest("rivers", "hybrid", noFilters)).toEqual({
      query: "rivers",
      search_mode: "hybrid",
      top_k: 10,
      rerank: "auto",
    });
  });

  it("sends every filter that is set, the end day inclusive", () => {
    const body = toSearchRequest("rivers", "text", {
      notebookId: "nb-1",
      tags: " geo, water ,geo,, ",
      indexedFrom: "2025-03-01",
      indexedTo: "2025-03-31",
      topK: 50,
      minScore: "0.2",
    });
    expect(body).toEqual({
      query: "rivers",
      search_mode: "text",
      top_k: 50,
      rerank: "auto",
      notebook_ids: ["nb-1"],
      tags: ["geo", "water"],
      created_after: new Date(2025, 2, 1).toISOString(),
      created_before: new Date(2025, 3, 1).toISOString(),
      min_score: 0.2,
    });
  });
});

describe("filterErrors", () => {
  it("refuses an end day before the start day and a score outside 0–1", () => {
    expect(
      filterErrors({ ...noFilters, indexedFrom: "2025-04-02", indexedTo: "2025-04-01", minScore: "2" }),
    ).toEqual({ indexedTo: "Must be on or after the start date", minScore: "A number from 0 to 1" });
    expect(filterErrors({ ...noFilters, indexedFrom: "2025-04-01", indexedTo: "2025-04-01" })).toEqual({});
  });
});

describe("startOfDay", () => {
  it("rolls over month ends", () => {
    expect(startOfDay("2025-01-31", 1)).toBe(new Date(2025, 1, 1).toISOString());
  });
});

describe("activeFilterCount", () => {
  it("counts the filters that differ from the defaults", () => {
    expect(activeFilterCount(noFilters)).toBe(0);
    expect(activeFilterCount({ ...noFilters, tags: " , ", topK: 20, notebookId: "nb" })).toBe(2);
  });
});
