import { describe, expect, it } from "vitest";
import { prose, seededRandom } from "../testing/sample-texts.js";
import { splitSentences } from "./sentences.js";

function sentencesOf(text: string): string[] {
  const { starts, ends } = splitSentences(text);
  return starts.map((start, i) => text.slice(start, ends[i]));
}

describe("splitSentences", () => {
  it("keeps titles, decimals, Latin abbreviations and initials inside the sentence", () => {
    expect(
      sentencesOf("Dr. Smith paid $3.14 e.g. for tea. J. K. Rowling wrote it, i.e. Harry Potter. Done."),
    ).toEqual(["Dr. Smith paid $3.14 e.g. for tea.", "J. K. Rowling wrote it, i.e. Harry Potter.", "Done."]);
  });

  it("keeps URLs and file names whole", () => {
    expect(
      sentencesOf("Open https://example.com/docs/v1.2/index.html now. Then read notes.txt please."),
    ).toEqual(["Open https://example.com/docs/v1.2/index.html now.", "Then read notes.txt please."]);
  });

  it("still ends sentences after abbreviations that usually end them", () => {
    expect(sentencesOf("He works at Acme Inc. He likes it. We sell fruit etc. Then we rest.")).toEqual([
      "He works at Acme Inc.",
      "He likes it.",
      "We sell fruit etc.",
      "Then we rest.",
    ]);
  });

  it("reads hard-wrapped lines as one sentence but ends one at a blank line", () => {
    expect(sentencesOf("This sentence is\nwrapped over\r\nlines. Next one.\n\nHeading\n\nBody text")).toEqual(
      ["This sentence is\nwrapped over\r\nlines.", "Next one.", "Heading", "Body text"],
    );
  });

  it("does not join across a blank line after an abbreviation", () => {
    expect(sentencesOf("Written by Dr.\n\nSmith came later.")).toEqual([
      "Written by Dr.",
      "Smith came later.",
    ]);
  });

  it("gives the same sentences when the text is read in windows", () => {
    const text = prose(seededRandom(9), 400);
    expect(text.length).toBeGreaterThan(40_000);
    const windowed = sentencesOf(text);
    // Blank lines always end sentences, so paragraph by paragraph (each under one window) is the reference.
    const reference = text.split("\n\n").flatMap((paragraph) => sentencesOf(paragraph));
    expect(windowed).toEqual(reference);
  });

  it("cuts a sentence longer than the largest window at a space", () => {
    const text = `${"word ".repeat(30_000)}end. After.`;
    const { starts, ends } = splitSentences(text);
    expect(starts.length).toBeGreaterThan(2);
    for (let i = 0; i < starts.length; i++) {
      expect(ends[i]).toBeGreaterThan(starts[i] ?? 0);
      if (i > 0) expect(starts[i]).toBeGreaterThanOrEqual(ends[i - 1] ?? 0);
    }
    expect(text.slice(starts.at(-1), ends.at(-1))).toBe("After.");
  });

  it("splits CJK at 。 and works on a sub-range", () => {
    const text = "前文。東京は首都です。人口は多いです。後文。";
    expect(sentencesOf(text)).toEqual(["前文。", "東京は首都です。", "人口は多いです。", "後文。"]);
    const { starts, ends } = splitSentences(text, 3, 19);
    expect(starts.map((s, i) => text.slice(s, ends[i]))).toEqual(["東京は首都です。", "人口は多いです。"]);
  });
});
