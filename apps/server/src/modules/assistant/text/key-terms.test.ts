import { describe, expect, it } from "vitest";
import { keyTermsOf, questionTermsOf, stemSetOf, termCoverage } from "./key-terms.js";

describe("key terms", () => {
  it("drops stop words, modal verbs and question boilerplate, and stems the rest", () => {
    expect(keyTermsOf("Which companies must the document say were founded daily?")).toEqual([
      "compani",
      "found",
      "daili",
    ]);
  });

  it("drops the word that makes a 'how' question: it names the kind of answer, not the topic", () => {
    expect(questionTermsOf("How long does the crossing take, and how many cars fit?")).toEqual([
      "cross",
      "take",
      "car",
      "fit",
    ]);
    expect(questionTermsOf("Is the long-term parking lot open?")).toEqual([
      "long",
      "term",
      "park",
      "lot",
      "open",
    ]);
  });

  it("drops the adverb that finishes a phrasal verb, as the stop word list drops 'up' and 'out'", () => {
    expect(questionTermsOf("If I cancel my booking, how much do I get back?")).toEqual([
      "cancel",
      "book",
      "get",
    ]);
    expect(questionTermsOf("Where do I put the tools away?")).toEqual(["put", "tool"]);
  });

  it("matches a term only by its stem, as the text retriever does", () => {
    const stems = stemSetOf("The mill was founded by two companies.");
    expect(termCoverage(keyTermsOf("When was the company's founding?"), stems)).toBe(1);
    expect(termCoverage(keyTermsOf("Who were the founders?"), stems)).toBe(0);
    expect(termCoverage([], stems)).toBe(1);
  });
});
