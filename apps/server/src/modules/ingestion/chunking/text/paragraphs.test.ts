import { describe, expect, it } from "vitest";
import { splitLines } from "./lines.js";
import { splitParagraphs } from "./paragraphs.js";
import type { Spans } from "./spans.js";

const slices = (text: string, { starts, ends }: Spans): string[] =>
  starts.map((s, i) => text.slice(s, ends[i]));

describe("splitParagraphs", () => {
  it("splits at blank lines, CRLF blank lines, form feeds and U+2029, trimming each paragraph", () => {
    const text = "  One\nstill one.\n\nTwo.\r\n \r\nThree.\fFour.\u2029Five.\n\n\n";
    expect(slices(text, splitParagraphs(text))).toEqual([
      "One\nstill one.",
      "Two.",
      "Three.",
      "Four.",
      "Five.",
    ]);
  });

  it("gives nothing for whitespace", () => {
    expect(splitParagraphs(" \n\n \t")).toEqual({ starts: [], ends: [] });
  });
});

describe("splitLines", () => {
  it("gives the non-blank lines, trimmed", () => {
    const text = "a | b\r\n\n  c | d  \n\ne";
    expect(slices(text, splitLines(text))).toEqual(["a | b", "c | d", "e"]);
  });
});
