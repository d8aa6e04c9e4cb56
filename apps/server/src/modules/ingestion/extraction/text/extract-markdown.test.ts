import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FixtureDir,
  MARKDOWN_WITH_HEADINGS,
  makeFixtureDir,
} from "../../testing/fixtures/text-fixtures.js";
import { defaultExtractionLimits } from "../types.js";
import { extractMarkdown, markdownSections } from "./extract-markdown.js";
import { segmentProblems } from "./segment-problems.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

describe("extractMarkdown", () => {
  it("keeps the source and sections it by ATX and setext headings, ignoring # in code fences", async () => {
    const path = await fixtures.write("guide.md", MARKDOWN_WITH_HEADINGS.replaceAll("\n", "\r\n"));
    const result = await extractMarkdown(path, defaultExtractionLimits);
    expect(result.format).toBe("markdown");
    expect(result.text).toBe(MARKDOWN_WITH_HEADINGS);
    expect(segmentProblems(result.text, result.segments)).toEqual([]);
    const sections = result.segments.map((segment) => ({
      path: segment.headingPath,
      starts: result.text.slice(segment.start, segment.end).split("\n")[0],
    }));
    expect(sections).toEqual([
      { path: [], starts: "Intro paragraph before any heading." },
      { path: ["Guide"], starts: "# Guide" },
      { path: ["Guide", "Install tributary"], starts: "## Install `tributary`" },
      { path: ["Guide", "Setext section"], starts: "Setext section" },
      { path: ["Appendix"], starts: "# Appendix" },
    ]);
    const install = result.segments[2];
    expect(install && result.text.slice(install.start, install.end)).toContain("# this is a shell comment");
  });

  it("maps offsets exactly even with headings inside lists and quotes (not sections)", () => {
    const source = "> # quoted\n\n- # listed\n\n### Real *one*\ntext";
    const { text, segments } = markdownSections(source);
    expect(text).toBe(source);
    expect(segments.at(-1)).toEqual({
      start: source.indexOf("### Real"),
      end: source.length,
      headingPath: ["Real one"],
    });
  });
});
