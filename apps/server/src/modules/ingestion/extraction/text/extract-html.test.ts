import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureDir, HTML_WITH_HEADINGS, makeFixtureDir } from "../../testing/fixtures/text-fixtures.js";
import { defaultExtractionLimits } from "../types.js";
import { extractHtml } from "./extract-html.js";
import { htmlToSegmentedText } from "./html-to-text.js";
import { segmentProblems } from "./segment-problems.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

describe("extractHtml", () => {
  it("keeps visible text with heading paths, and drops head, script, style, noscript and template", async () => {
    const result = await extractHtml(
      await fixtures.write("page.html", HTML_WITH_HEADINGS),
      defaultExtractionLimits,
    );
    expect(result.format).toBe("html");
    expect(result.text).toBe(
      [
        "Welcome & thanks for reading.",
        "Getting started",
        "Install the server and run it.",
        "Requirements",
        "- Node 20\n- 2 GB of memory",
        "Configuration",
        "Key\tDefault\nPORT\t8080",
        "Troubleshooting",
        "Café <logs> are in /var/log.\nRestart it.",
      ].join("\n\n"),
    );
    for (const hidden of [
      "Ignored title",
      "color: red",
      "script text",
      "Enable JavaScript",
      "template text",
    ]) {
      expect(result.text).not.toContain(hidden);
    }
    expect(segmentProblems(result.text, result.segments)).toEqual([]);
    const sections = result.segments.map((segment) => ({
      path: segment.headingPath,
      text: result.text.slice(segment.start, segment.end),
    }));
    expect(sections).toEqual([
      { path: [], text: "Welcome & thanks for reading." },
      { path: ["Getting started"], text: "Getting started\n\nInstall the server and run it." },
      { path: ["Getting started", "Requirements"], text: "Requirements\n\n- Node 20\n- 2 GB of memory" },
      { path: ["Getting started", "Configuration"], text: "Configuration\n\nKey\tDefault\nPORT\t8080" },
      { path: ["Troubleshooting"], text: "Troubleshooting\n\nCafé <logs> are in /var/log.\nRestart it." },
    ]);
  });
});

describe("htmlToSegmentedText", () => {
  it("keeps preformatted whitespace and numbers ordered lists", () => {
    const { text } = htmlToSegmentedText("<pre>a  b\n  c</pre><ol><li>first</li><li><p>second</p></li></ol>");
    expect(text).toBe("a  b\n  c\n\n1. first\n2. second");
  });

  it("keeps empty table cells as tabs so columns stay aligned", () => {
    const { text } = htmlToSegmentedText(
      "<table><tr><td>a</td><td></td><td>c</td></tr><tr><td></td><td>e</td></tr></table>",
    );
    expect(text).toBe("a\t\tc\n\te");
  });

  it("pops deeper headings when a shallower one starts", () => {
    const { segments } = htmlToSegmentedText("<h1>A</h1><h3>B</h3><p>x</p><h2>C</h2><p>y</p>");
    expect(segments.map((segment) => segment.headingPath)).toEqual([["A"], ["A", "B"], ["A", "C"]]);
  });
});
