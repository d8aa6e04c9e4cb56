import { cleanup, render, screen } from "@testing-library/react";
import type { SpaceSearchResponse } from "@tributary/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../../api/api-error";
import { renderInRouter } from "../../testing/component-test-utils";
import { SearchError } from "./search-error";
import { SearchResults } from "./search-results";

afterEach(cleanup);

const response: SpaceSearchResponse = {
  results: [
    {
      rank: 1,
      score: 0.0325,
      scores: { vector: 0.8123, text: null, sentence: null },
      chunk_id: "chunk-9",
      chunk_index: 3,
      document_id: "doc-1",
      document_name: "Rivers.pdf",
      document_title: "Rivers of the World",
      notebook_id: "nb-1",
      content: "The delta of the river is wide.",
      page: 4,
      heading_path: ["Geography", "Deltas"],
      start_offset: 10,
      end_offset: 41,
      language: "en",
    },
  ],
  took_ms: 12.34,
  stats: {
    search_mode: "hybrid",
    reranked: 0,
    vector_results: 5,
    text_results: 0,
    embedding_model: "lexical-384",
    embedding_fallback: true,
  },
};

describe("SearchResults", () => {
  it("shows each passage with its document link, page, highlighted words and scores", async () => {
    renderInRouter(<SearchResults spaceId="space-1" query="river delta" response={response} />);
    const link = await screen.findByRole("link", { name: "Rivers.pdf" });
    expect(link.getAttribute("href")).toBe("/s/space-1/documents/doc-1?chunk=chunk-9");
    const result = screen.getByTestId("search-result");
    expect(screen.getByTestId("search-result-title").textContent).toBe("Rivers of the World");
    expect(result.textContent).toContain("Page 4");
    expect(result.textContent).toContain("Geography › Deltas");
    expect([...result.querySelectorAll("mark")].map((mark) => mark.textContent)).toEqual(["delta", "river"]);
    expect(screen.getByTestId("search-result-scores").textContent).toBe("Score0.0325Vector0.8123Text—");
    expect(screen.getByTestId("search-stats").textContent).toContain("12.3 ms");
    expect(screen.getByText(/built-in lexical embedder/)).toBeTruthy();
  });

  it("says what to try when nothing matched", async () => {
    renderInRouter(
      <SearchResults
        spaceId="space-1"
        query="x"
        response={{ ...response, results: [] }}
        onClearFilters={() => {}}
      />,
    );
    expect(await screen.findByText("No passages matched")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Clear filters and search again" })).toBeTruthy();
  });
});

describe("SearchError", () => {
  it("shows a disabled vector store's message plainly", () => {
    const message = "Vector search is disabled on this instance (VECTOR_STORE=disabled).";
    render(<SearchError error={new ApiError(503, "SERVICE_UNAVAILABLE", message)} />);
    const alert = screen.getByTestId("search-unavailable");
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).not.toContain("Something failed on the server");
  });

  it("shows other failures with the API's message", () => {
    render(<SearchError error={new ApiError(400, "INVALID_SEARCH_PARAMS", "query must not be empty")} />);
    expect(screen.getByRole("alert").textContent).toContain("query must not be empty");
  });
});
