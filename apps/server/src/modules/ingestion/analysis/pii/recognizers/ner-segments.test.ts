import { describe, expect, it } from "vitest";
import { MAX_SEGMENT_LENGTH, segmentEnd } from "./ner-segments.js";

function segments(text: string): string[] {
  const out: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = segmentEnd(text, start, true) ?? text.length;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

describe("NER segments", () => {
  it("split after sentence punctuation followed by whitespace, and after newlines", () => {
    expect(segments("One. Two? Three!\nFour")).toEqual(["One.", " Two?", " Three!", "\n", "Four"]);
  });

  it("do not split after abbreviations or initials", () => {
    expect(segments("We met Dr. Angela Merkel and J. Smith. Done")).toEqual([
      "We met Dr. Angela Merkel and J. Smith.",
      " Done",
    ]);
  });

  it("wait for the character after a period when the text may go on", () => {
    expect(segmentEnd("Hello.", 0, false)).toBeUndefined();
    expect(segmentEnd("Hello. ", 0, false)).toBe(6);
    expect(segmentEnd("Hello", 0, false)).toBeUndefined();
    expect(segmentEnd("Hello", 0, true)).toBe(5);
  });

  it("cut long runs at the last whitespace within the limit", () => {
    const text = "word ".repeat(100);
    const first = segmentEnd(text, 0, false) ?? 0;
    expect(first).toBeLessThanOrEqual(MAX_SEGMENT_LENGTH);
    expect(text[first - 1]).toBe(" ");
  });
});
