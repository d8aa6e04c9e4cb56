import { describe, expect, it } from "vitest";
import { numberedPassage } from "../testing/fixture-passages.js";
import { extractAnswer } from "./extract-answer.js";

const passages = [
  numberedPassage(
    1,
    "Weaving began early in the valley. The Acme mill was founded in 1887 by Mara Lind.\nIts wheel\nwas built of oak.",
  ),
  numberedPassage(2, "Mara Lind later moved to the coast, where she founded a school for weavers."),
  numberedPassage(3, "Nothing here is relevant to anything asked."),
];

describe("extractAnswer", () => {
  it("quotes the sentence of each passage that best matches, cited and verified", () => {
    const answer = extractAnswer("When was the Acme mill founded?", passages);
    expect(answer).not.toBeNull();
    expect(answer?.answer).toBe(
      "\u201CThe Acme mill was founded in 1887 by Mara Lind.\u201D [1]\n\u201CMara Lind later moved to the coast, where she founded a school for weavers.\u201D [2]",
    );
    expect(answer?.grounded).toBe(true);
    expect(answer?.citations.map((c) => c.index)).toEqual([1, 2]);
    const first = answer?.citations[0];
    const content = passages[0]?.content ?? "";
    expect(first?.quote).toBe("The Acme mill was founded in 1887 by Mara Lind.");
    expect(first?.start_offset).toBe(1000 + content.indexOf("The Acme mill"));
  });

  it("joins a sentence wrapped over lines and still cites its verbatim text", () => {
    const answer = extractAnswer("What was the wheel built of?", passages.slice(0, 1));
    expect(answer?.answer).toBe("\u201CIts wheel was built of oak.\u201D [1]");
    expect(answer?.citations[0]?.quote).toBe("Its wheel\nwas built of oak.");
  });

  it("gives nothing when no sentence shares a key term with the question", () => {
    expect(extractAnswer("Who painted the harbour lighthouse?", passages)).toBeNull();
  });
});
