import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderInRouter } from "../../testing/component-test-utils";
import { citation } from "./citation-fixtures";
import { CitationSources } from "./citation-sources";
import { CitedAnswer } from "./cited-answer";

afterEach(cleanup);

describe("CitedAnswer", () => {
  it("renders each known marker as a link to the cited passage, named after its document", async () => {
    renderInRouter(
      <CitedAnswer
        spaceId="space-1"
        answer="Rivers flow downhill [1]. They end in the sea [2]."
        citations={[citation(1), citation(2, { start_offset: null, end_offset: null })]}
      />,
    );
    const first = await screen.findByRole("link", { name: "Citation 1: Report 1.pdf" });
    expect(first.textContent).toBe("[1]");
    expect(first.getAttribute("href")).toBe("/s/space-1/documents/doc-1?chunk=chunk-1&range=100-140");
    const second = screen.getByRole("link", { name: "Citation 2: Report 2.pdf" });
    expect(second.getAttribute("href")).toBe("/s/space-1/documents/doc-2?chunk=chunk-2");
    expect(screen.getAllByTestId("citation-marker")).toHaveLength(2);
  });

  it("shows unknown markers as plain text, not links", async () => {
    const { container } = renderInRouter(
      <CitedAnswer spaceId="space-1" answer="Known [1], unknown [7]." citations={[citation(1)]} />,
    );
    await screen.findByRole("link", { name: "Citation 1: Report 1.pdf" });
    expect(screen.getAllByRole("link")).toHaveLength(1);
    expect(container.textContent).toBe("Known [1], unknown [7].");
  });
});

describe("CitationSources", () => {
  it("lists the cited passages in order with their quotes and links", async () => {
    renderInRouter(<CitationSources spaceId="space-1" citations={[citation(2), citation(1)]} />);
    const links = await screen.findAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual([
      "Source 1: Report 1.pdf, page 1",
      "Source 2: Report 2.pdf, page 2",
    ]);
    expect(links[1]?.getAttribute("href")).toBe("/s/space-1/documents/doc-2?chunk=chunk-2&range=200-240");
    expect(screen.getByText("“quote 1”")).toBeTruthy();
  });

  it("renders nothing without citations", () => {
    const { container } = renderInRouter(<CitationSources spaceId="space-1" citations={[]} />);
    expect(container.textContent).toBe("");
  });
});
