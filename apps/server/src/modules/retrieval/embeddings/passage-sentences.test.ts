import { describe, expect, it } from "vitest";
import { passageSentences, pooledVector } from "./passage-sentences.js";

describe("passageSentences", () => {
  it("joins wrapped lines, keeps a heading on its own, folds whitespace and keeps offsets", () => {
    const passage = "## Leak credits\n\nA hidden leak may\nqualify for a credit.  Apply within 60 days.";
    const sentences = passageSentences(passage);
    expect(sentences.map((s) => s.text)).toEqual([
      "## Leak credits",
      "A hidden leak may qualify for a credit.",
      "Apply within 60 days.",
    ]);
    for (const sentence of sentences) {
      expect(passage.slice(sentence.start, sentence.end).replace(/\s+/g, " ")).toBe(sentence.text);
    }
  });

  it("drops fragments too short to mean anything, and keeps a text without a sentence whole", () => {
    expect(passageSentences("a)\n\nThe gate locks at dusk.").map((s) => s.text)).toEqual([
      "The gate locks at dusk.",
    ]);
    expect(passageSentences(" ok ")).toEqual([{ text: "ok", start: 0, end: 4 }]);
  });
});

describe("pooledVector", () => {
  it("is the unit-length mean", () => {
    const pooled = pooledVector([
      [1, 0],
      [0, 1],
    ]);
    expect(pooled[0]).toBeCloseTo(Math.SQRT1_2);
    expect(pooled[1]).toBeCloseTo(Math.SQRT1_2);
  });
});
