import { describe, expect, it } from "vitest";
import { needsContext, rewriteDeterministically } from "./rewrite-follow-up.js";

const history = [
  {
    question: "When was the Acme mill founded?",
    standaloneQuestion: "When was the Acme mill founded?",
    answer: "In 1887 [1].",
  },
];

describe("rewriteDeterministically", () => {
  it("adds the previous question's key words to a follow-up that refers back", () => {
    expect(rewriteDeterministically("When did it close?", history)).toBe(
      "When did it close? acme mill founded",
    );
    expect(rewriteDeterministically("And the founder?", history)).toBe("And the founder? acme mill founded");
  });

  it("leaves a standalone question alone", () => {
    const question = "Which river powers the Acme mill wheel in winter?";
    expect(needsContext(question)).toBe(false);
    expect(rewriteDeterministically(question, history)).toBe(question);
  });

  it("does not repeat words the follow-up already has", () => {
    expect(rewriteDeterministically("Who founded the mill?", history)).toBe("Who founded the mill? acme");
  });
});
