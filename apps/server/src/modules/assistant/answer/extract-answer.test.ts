import { describe, expect, it } from "vitest";
import { numberedPassage } from "../testing/fixture-passages.js";
import { asksForAmount, asksForQuantity, extractAnswer, statesAmount } from "./extract-answer.js";

const passages = [
  numberedPassage(
    1,
    "Weaving began early in the valley. The Acme mill was founded in 1887 by Mara Lind.\nIts wheel\nwas built of oak.",
  ),
  numberedPassage(2, "Mara Lind later moved to the coast, where she founded a school for weavers."),
  numberedPassage(3, "Nothing here is relevant to anything asked."),
];

/** Passages of one document, numbered from 1. */
function ofOneDocument(...contents: string[]) {
  return contents.map((content, i) =>
    numberedPassage(i + 1, content, { document_id: "00000000-0000-7000-9000-0000000000aa" }),
  );
}

describe("extractAnswer", () => {
  it("quotes the sentence of the best passage that states what was asked, cited and verified", () => {
    const answer = extractAnswer("When was the Acme mill founded?", passages);
    expect(answer?.answer).toBe("\u201CThe Acme mill was founded in 1887 by Mara Lind.\u201D [1]");
    expect(answer?.grounded).toBe(true);
    expect(answer?.citations).toHaveLength(1);
    const content = passages[0]?.content ?? "";
    expect(answer?.citations[0]?.quote).toBe("The Acme mill was founded in 1887 by Mara Lind.");
    expect(answer?.citations[0]?.start_offset).toBe(1000 + content.indexOf("The Acme mill"));
  });

  it("joins a sentence wrapped over lines and still cites its verbatim text", () => {
    const answer = extractAnswer("What was the wheel built of?", passages.slice(0, 1));
    expect(answer?.answer).toBe("\u201CIts wheel was built of oak.\u201D [1]");
    expect(answer?.citations[0]?.quote).toBe("Its wheel\nwas built of oak.");
  });

  it("gives nothing when no sentence holds two of the question's terms", () => {
    expect(extractAnswer("Who painted the harbour lighthouse?", passages)).toBeNull();
    // "valley" alone is a shared word, not an answer.
    expect(extractAnswer("What did the valley export?", passages)).toBeNull();
  });

  it("adds a sentence of the same passage that holds question terms the first one lacks", () => {
    const warranty = ofOneDocument(
      "The compressor warranty is extended to 7 years. Registration is required for the extension. Call us.",
    );
    const answer = extractAnswer(
      "How long is the compressor warranty extended, and is registration required for it?",
      warranty,
    );
    expect(answer?.answer).toBe(
      "\u201CThe compressor warranty is extended to 7 years.\u201D [1]\n\u201CRegistration is required for the extension.\u201D [1]",
    );
    expect(answer?.citations.map((c) => [c.index, c.quote])).toEqual([
      [1, "The compressor warranty is extended to 7 years."],
      [1, "Registration is required for the extension."],
    ]);
    expect(answer?.grounded).toBe(true);
  });

  it("quotes no other passage than the lead quote's, and none of another document", () => {
    const mill = ofOneDocument(
      "The mill stands by the river.",
      "The Acme mill was founded in 1887. Its founders were weavers from the Acme valley.",
    );
    const other = numberedPassage(3, "The mill founders of Tarn built another mill in 1890.");
    const answer = extractAnswer("When was the Acme mill founded, and by whom?", [...mill, other]);
    expect(answer?.citations.map((c) => c.index)).toEqual([2]);
    expect(answer?.used).toEqual(new Set([1, 2]));
    expect(extractAnswer("When did the Tarn founders build a mill?", [...mill, other])).toBeNull();
  });

  it("leads a follow-up with the sentence holding the user's own words", () => {
    const mill = ofOneDocument("The Acme mill was founded in 1887.", "The Acme mill closed in 1931.");
    const standalone = "When did it close? acme mill founded";
    expect(extractAnswer(standalone, mill)?.citations[0]?.index).toBe(1);
    expect(extractAnswer(standalone, mill, "When did it close?")?.citations[0]?.quote).toBe(
      "The Acme mill closed in 1931.",
    );
  });

  it("prefers, between sentences as close to the question, one with a number when it asks for an amount", () => {
    const fleet = ofOneDocument("Electric bikes are popular with riders. Of the bikes, 310 are electric.");
    expect(extractAnswer("How many bikes are electric?", fleet)?.citations[0]?.quote).toBe(
      "Of the bikes, 310 are electric.",
    );
    expect(extractAnswer("Are the electric bikes popular?", fleet)?.citations[0]?.quote).toBe(
      "Electric bikes are popular with riders.",
    );
  });
});

describe("asksForQuantity", () => {
  it("tells questions for an amount, a time or a date", () => {
    expect(
      [
        "How many copies are kept?",
        "How long is the trail?",
        "When does the season start?",
        "What does a plot cost?",
        "What is the late fee?",
        "Who chairs the board?",
        "Can I bring my dog?",
      ].map(asksForQuantity),
    ).toEqual([true, true, true, true, true, false, false]);
  });
});

describe("questions that ask for an amount", () => {
  it("are answered only by a sentence that states one", () => {
    const museum = ofOneDocument(
      "Admission to the museum supports the conservation of its collections. Admission to the museum is free on Sundays.",
    );
    expect(extractAnswer("How much is admission to the museum?", museum)?.citations[0]?.quote).toBe(
      "Admission to the museum is free on Sundays.",
    );
    const noAmount = ofOneDocument("Admission to the museum supports the conservation of its collections.");
    expect(extractAnswer("How much is admission to the museum?", noAmount)).toBeNull();
    // Not a question for an amount: the same sentence answers it.
    expect(extractAnswer("What does admission to the museum support?", noAmount)).not.toBeNull();
  });

  it("are told by the question sentence's opening, not by an amount word anywhere", () => {
    for (const question of [
      "How many vehicles fit on the main boat?",
      "I rent my flat. How much is the deposit?",
      "What does a half-size plot cost for the season?",
      "What is the daily rate for leaving my car by the terminal?",
      "What's the penalty for not locking away food?",
    ]) {
      expect(asksForAmount(question), question).toBe(true);
    }
    for (const question of [
      "How does the city decide how much wastewater to bill?",
      "Hotel prices go through the roof. Can I exceed the nightly limit then?",
      "What can I do if the plot fee is more than I can afford?",
      "When does the ferry leave?",
    ]) {
      expect(asksForAmount(question), question).toBe(false);
    }
  });

  it("count digits, number words and free as amounts", () => {
    expect(statesAmount("No more than six people may share a campsite.")).toBe(true);
    expect(statesAmount("A day pass costs $8.")).toBe(true);
    expect(statesAmount("Children ride free.")).toBe(true);
    expect(statesAmount("Fees support the collections.")).toBe(false);
  });
});
