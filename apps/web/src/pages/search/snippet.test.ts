import { describe, expect, it } from "vitest";
import { highlightTerms, queryTerms, snippetOf } from "./snippet";

describe("queryTerms", () => {
  it("keeps words of two characters or more, lower-cased, each once", () => {
    expect(queryTerms("Where do a River and rivers meet? river")).toEqual([
      "where",
      "do",
      "river",
      "and",
      "rivers",
      "meet",
    ]);
  });
});

describe("snippetOf", () => {
  it("returns short passages whole, whitespace folded", () => {
    expect(snippetOf("A  short\npassage.", ["short"])).toBe("A short passage.");
  });

  it("windows a long passage around the first match, cut at spaces", () => {
    const content = `${"lorem ipsum ".repeat(50)}the delta of the river ${"dolor sit ".repeat(50)}`;
    const snippet = snippetOf(content, ["delta"], 80);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet).toContain("the delta of the river");
    expect(snippet.length).toBeLessThanOrEqual(82);
    expect(snippet).not.toMatch(/…\S*m …/);
  });

  it("starts at the beginning when no word matches", () => {
    expect(snippetOf("x ".repeat(200), ["delta"], 20).startsWith("x x")).toBe(true);
  });
});

describe("highlightTerms", () => {
  it("marks every occurrence, case-insensitively, longest term first", () => {
    expect(highlightTerms("Rivers feed the river.", ["river", "rivers"])).toEqual([
      { text: "Rivers", match: true },
      { text: " feed the ", match: false },
      { text: "river", match: true },
      { text: ".", match: false },
    ]);
  });

  it("treats regex characters in terms literally", () => {
    expect(highlightTerms("a+b", ["a+b"])).toEqual([{ text: "a+b", match: true }]);
  });
});
