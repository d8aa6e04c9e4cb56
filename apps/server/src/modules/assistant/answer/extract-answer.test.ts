import { describe, expect, it } from "vitest";
import { numberedPassage } from "../testing/fixture-passages.js";
import { extractAnswer, minSimilarity } from "./extract-answer.js";

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

  it("does not count the words of the document's title as support: every passage is about it", () => {
    const fines = "On January 1, 2023, the Meridian County Public Library stopped charging overdue fines.";
    const question = "On what date did the county's newest public library building open?";
    const untitled = [numberedPassage(1, fines, { document_name: "annual-report.pdf" })];
    expect(extractAnswer(question, untitled)?.citations[0]?.quote).toBe(fines);
    const titled = [
      numberedPassage(1, fines, {
        document_name: "annual-report.pdf",
        document_title: "Meridian County Public Library: Annual Report, Fiscal Year 2023",
      }),
    ];
    expect(extractAnswer(question, titled)).toBeNull();
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

describe("questions that ask for an amount, a date or a number", () => {
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
});

describe("what an extract does not quote", () => {
  it("skips the document's title block, dates and all", () => {
    const report = numberedPassage(
      1,
      "New County Library Building: Annual Report\nCovering July 1, 2022 to June 30, 2023.\n\nThe Fernhill branch opened on October 14, 2022, as the first new building.",
      { chunk_index: 0 },
    );
    expect(
      extractAnswer("When did the county's new library building open?", [report])?.citations[0]?.quote,
    ).toBe("The Fernhill branch opened on October 14, 2022, as the first new building.");
  });

  it("skips a sentence about another amount of what the question names", () => {
    const meters = ofOneDocument("For the 5/8-inch meter found at most homes, the meter charge is $14.80.");
    expect(extractAnswer("What is the meter charge for a 2-inch meter?", meters)).toBeNull();
  });
});

describe("with the sentence re-rank's similarities", () => {
  /** A passage whose sentences carry the similarities a re-ranked search would give them. */
  function scored(index: number, sentences: ReadonlyArray<readonly [string, number]>) {
    const content = sentences.map(([text]) => text).join(" ");
    let at = 0;
    const scores = sentences.map(([text, score]) => {
      const start = content.indexOf(text, at);
      at = start + text.length;
      return { start, end: at, score };
    });
    return numberedPassage(index, content, {
      document_id: "00000000-0000-7000-9000-0000000000bb",
      sentences: scores,
    });
  }

  it("leads with the supporting sentence closest to the question, even in a later passage", () => {
    const passages = [
      scored(1, [["The ferry deck opens to cars at noon and the ferry leaves the deck at one.", 0.46]]),
      scored(2, [["Cars must reach the ferry lanes 30 minutes before the ferry leaves.", 0.62]]),
    ];
    const answer = extractAnswer("How early must cars be at the ferry before it leaves?", passages);
    expect(answer?.citations.map((c) => [c.index, c.quote])).toEqual([
      [2, "Cars must reach the ferry lanes 30 minutes before the ferry leaves."],
    ]);
  });

  it("quotes no sentence less similar than minSimilarity, however many words it shares", () => {
    const passages = [
      scored(1, [["A fee per vehicle is charged at the pay station.", minSimilarity - 0.05]]),
    ];
    expect(extractAnswer("Are there charging stations for my vehicle?", passages)).toBeNull();
  });
});
