import { describe, expect, it } from "vitest";
import { goldCoverage, normalisedWords, overlapsGold, quoteOccursIn } from "./passage-overlap.js";

describe("normalisedWords", () => {
  it("drops markup, punctuation, case and diacritics", () => {
    expect(normalisedWords("| Tier 3 | above 15,000 gallons | **$7.85** |")).toEqual([
      "tier",
      "3",
      "above",
      "15",
      "000",
      "gallons",
      "7",
      "85",
    ]);
    expect(normalisedWords("Café — 18 °C")).toEqual(["cafe", "18", "c"]);
  });
});

describe("goldCoverage", () => {
  const gold = "A property is eligible for one leak adjustment in any 36-month period.";

  it("is 1 when the chunk holds the passage, whatever the line breaks and markup", () => {
    expect(
      goldCoverage(
        gold,
        `Intro.\nA property is *eligible* for one leak\nadjustment in any 36-month period. More.`,
      ),
    ).toBe(1);
  });

  it("counts only runs of at least four words in the same order", () => {
    const scrambled = "period month 36 any in adjustment leak one for eligible is property a";
    expect(goldCoverage(gold, scrambled)).toBe(0);
  });

  it("gives partial coverage when a chunk boundary cuts the passage", () => {
    const coverage = goldCoverage(gold, "Leaks matter. A property is eligible for one leak");
    expect(coverage).toBeCloseTo(7 / 13);
    expect(overlapsGold(gold, "Leaks matter. A property is eligible for one leak adjustment in")).toBe(true);
  });

  it("treats a passage shorter than the minimum run as one run", () => {
    expect(goldCoverage("Riders must be 16.", "Riders must be 16 years old")).toBe(1);
  });
});

describe("quoteOccursIn", () => {
  it("matches after collapsing whitespace, and never for an empty quote", () => {
    expect(quoteOccursIn("one  leak\nadjustment", "eligible for one leak adjustment in")).toBe(true);
    expect(quoteOccursIn("two leak adjustments", "eligible for one leak adjustment in")).toBe(false);
    expect(quoteOccursIn("  ", "anything")).toBe(false);
  });
});
