import { describe, expect, it } from "vitest";
import { parseMarkdownOutline } from "./outline.js";
import { sectionsFromHeadings, sectionsFromSegments } from "./sections.js";

describe("parseMarkdownOutline", () => {
  it("finds ATX and setext headings but not hashtags, indented code or fenced lines", () => {
    const text = [
      "---",
      "title: front matter",
      "---",
      "# One #",
      "#hashtag",
      "    # indented code",
      "```md",
      "# not a heading",
      "```",
      "Two",
      "===",
      "",
      "---",
      "Three",
      "-----",
      "~~~",
      "## still code (unclosed fence)",
    ].join("\n");
    const { headings, fences } = parseMarkdownOutline(text);
    expect(headings.map((h) => [h.level, h.title])).toEqual([
      [1, "One"],
      [1, "Two"],
      [2, "Three"],
    ]);
    expect(headings[1]?.start).toBe(text.indexOf("Two"));
    expect(text.slice(headings[1]?.start, headings[1]?.end)).toBe("Two\n===");
    expect(fences.map((f) => text.slice(f.start, f.end))).toEqual([
      "```md\n# not a heading\n```",
      "~~~\n## still code (unclosed fence)",
    ]);
  });

  it("builds heading paths from levels", () => {
    const text = "intro\n# A\n## B\n### C\n## D\n# E\n";
    const sections = sectionsFromHeadings(text, parseMarkdownOutline(text).headings);
    expect(sections.map((s) => s.path)).toEqual([[], ["A"], ["A", "B"], ["A", "B", "C"], ["A", "D"], ["E"]]);
    expect(sections.map((s) => text.slice(s.start, s.end))).toEqual([
      "intro\n",
      "# A\n",
      "## B\n",
      "### C\n",
      "## D\n",
      "# E\n",
    ]);
  });

  it("builds sections from segment heading paths when the text has no Markdown", () => {
    const text = "Preface. Body one. Body two.";
    const sections = sectionsFromSegments(text, [
      { start: 0, end: 8 },
      { start: 9, end: 18, headingPath: ["H"] },
      { start: 19, end: 28, headingPath: ["H"] },
    ]);
    expect(sections).toEqual([
      { start: 0, end: 9, path: [] },
      { start: 9, end: 28, path: ["H"] },
    ]);
  });
});
