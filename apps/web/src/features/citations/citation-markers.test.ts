import { describe, expect, it } from "vitest";
import { citation } from "./citation-fixtures";
import { citationLabel, citationTarget, parseCitedAnswer } from "./citation-markers";

describe("parseCitedAnswer", () => {
  it("maps each marker to the citation with its number", () => {
    const one = citation(1);
    const two = citation(2);
    expect(parseCitedAnswer("Rivers flow [2]. Lakes do not [1][2].", [one, two])).toEqual([
      { kind: "text", text: "Rivers flow " },
      { kind: "citation", marker: "[2]", citation: two },
      { kind: "text", text: ". Lakes do not " },
      { kind: "citation", marker: "[1]", citation: one },
      { kind: "citation", marker: "[2]", citation: two },
      { kind: "text", text: "." },
    ]);
  });

  it("keeps markers without a citation, and other brackets, as text", () => {
    expect(parseCitedAnswer("See [3] and [a] or [1].", [citation(1)])).toEqual([
      { kind: "text", text: "See [3] and [a] or " },
      { kind: "citation", marker: "[1]", citation: citation(1) },
      { kind: "text", text: "." },
    ]);
  });

  it("is all text when there are no citations, and empty for an empty answer", () => {
    expect(parseCitedAnswer("Streaming [1] so far", [])).toEqual([
      { kind: "text", text: "Streaming [1] so far" },
    ]);
    expect(parseCitedAnswer("", [citation(1)])).toEqual([]);
  });
});

describe("citationTarget", () => {
  it("opens the chunk with the quote's character range", () => {
    expect(citationTarget(citation(2))).toEqual({
      documentId: "doc-2",
      search: { chunk: "chunk-2", range: "200-240" },
    });
  });

  it("opens only the chunk when the citation has no offsets", () => {
    expect(citationTarget(citation(1, { start_offset: null, end_offset: null }))).toEqual({
      documentId: "doc-1",
      search: { chunk: "chunk-1" },
    });
  });
});

describe("citationLabel", () => {
  it("names the citation's number and document", () => {
    expect(citationLabel(citation(3))).toBe("Citation 3: Report 3.pdf");
  });
});
