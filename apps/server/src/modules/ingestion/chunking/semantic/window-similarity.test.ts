import { describe, expect, it } from "vitest";
import { splitSentences } from "../text/sentences.js";
import { adjacentWindowSimilarity } from "./window-similarity.js";

describe("adjacentWindowSimilarity", () => {
  it("is 1 between identical windows and lowest where the vocabulary changes", () => {
    const rivers = "The river flooded the bank. Boats left the river. Fish swam in the river bank.";
    const markets = "Stock prices fell. Bond yields rose sharply. Investors sold stock and bonds.";
    const text = `${rivers} ${markets}`;
    const similarity = Array.from(adjacentWindowSimilarity(text, splitSentences(text), 2));
    expect(similarity).toHaveLength(5);
    const lowest = similarity.indexOf(Math.min(...similarity));
    expect(lowest).toBe(2);
    expect(similarity[2]).toBeCloseTo(0, 10);

    const same = "Cats purr. Cats purr. Cats purr. Cats purr.";
    for (const value of adjacentWindowSimilarity(same, splitSentences(same), 2))
      expect(value).toBeCloseTo(1, 10);
  });

  it("treats Han characters as terms", () => {
    const text = "東京は首都です。東京は大きいです。猫が好き。";
    const similarity = adjacentWindowSimilarity(text, splitSentences(text), 1);
    expect(similarity[0]).toBeGreaterThan(similarity[1] ?? 1);
  });
});
