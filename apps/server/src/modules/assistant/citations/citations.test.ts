import { describe, expect, it } from "vitest";
import { numberedPassage } from "../testing/fixture-passages.js";
import { parseModelAnswer } from "./parse-model-answer.js";
import { StreamAnswerFilter } from "./stream-answer-filter.js";
import { verifyCitations } from "./verify-citations.js";

const mill = numberedPassage(
  1,
  "The Acme mill was founded in 1887 by Mara Lind.\nIt  employed   forty weavers at its peak.",
);
const river = numberedPassage(2, "The river Tarn powers the mill\u2019s \u201Cgreat wheel\u201D in winter.");

describe("parseModelAnswer", () => {
  it("reads markers and the QUOTES block", () => {
    const parsed = parseModelAnswer(
      'The mill was founded in 1887 [1]. A river powers it [2].\n\nQUOTES:\n[1] "founded in 1887 by Mara Lind"\n[2] "powers the mill\'s great wheel"',
    );
    expect(parsed.body).toBe("The mill was founded in 1887 [1]. A river powers it [2].");
    expect(parsed.quotes.get(1)).toEqual(["founded in 1887 by Mara Lind"]);
    expect(parsed.quotes.get(2)).toEqual(["powers the mill's great wheel"]);
    expect(parsed.notFound).toBe(false);
  });

  it("is lenient about what models write", () => {
    const parsed = parseModelAnswer(
      "It was founded in 1887 [Passage 1] and powered by water [1, 2].\n\n**Sources:**\n- [1]: \u201Cfounded in 1887\u201D\n- [2] \u2014 \u201Cthe river Tarn powers\u201D",
    );
    expect(parsed.body).toBe("It was founded in 1887 [1] and powered by water [1][2].");
    expect(parsed.quotes.get(1)).toEqual(["founded in 1887"]);
    expect(parsed.quotes.get(2)).toEqual(["the river Tarn powers"]);
  });

  it("reads inline quotes, quote lines without a header, and a JSON block", () => {
    const inline = parseModelAnswer('Founded in 1887 [1: "founded in 1887 by Mara"].');
    expect(inline.body).toBe("Founded in 1887 [1].");
    expect(inline.quotes.get(1)).toEqual(["founded in 1887 by Mara"]);
    const trailing = parseModelAnswer('Founded in 1887 [1].\n[1] "founded in 1887"');
    expect(trailing.body).toBe("Founded in 1887 [1].");
    expect(trailing.quotes.get(1)).toEqual(["founded in 1887"]);
    const json = parseModelAnswer(
      'Founded in 1887 [1].\n\nQuotes:\n```json\n[{"n": 1, "quote": "founded in 1887"}]\n```',
    );
    expect(json.quotes.get(1)).toEqual(["founded in 1887"]);
  });

  it("recognises the not-found sentinel", () => {
    expect(parseModelAnswer("NOT_FOUND").notFound).toBe(true);
    expect(parseModelAnswer("  NOT_FOUND.").notFound).toBe(true);
  });
});

describe("verifyCitations", () => {
  it("keeps a quote that occurs in its chunk, with the quote's exact offsets in the document", () => {
    const result = verifyCitations(
      parseModelAnswer('Forty weavers worked there [1].\nQUOTES:\n[1] "It employed forty weavers"'),
      [mill],
    );
    expect(result.grounded).toBe(true);
    expect(result.warnings).toEqual([]);
    const [citation] = result.citations;
    // Whitespace differs ("It  employed   forty"): matched after folding, returned verbatim.
    const at = mill.content.indexOf("It  employed");
    expect(citation).toMatchObject({
      index: 1,
      chunk_id: mill.chunk_id,
      document_id: mill.document_id,
      quote: "It  employed   forty weavers",
      start_offset: 1000 + at,
      end_offset: 1000 + at + "It  employed   forty weavers".length,
    });
  });

  it("folds case, typographic quotes and dashes", () => {
    const result = verifyCitations(
      parseModelAnswer('The wheel turns in winter [2].\nQUOTES:\n[2] "THE MILL\'S "GREAT WHEEL" IN WINTER"'),
      [river],
    );
    // The straight quotes inside the quote end it early; what remains still verifies.
    expect(result.citations).toHaveLength(1);
    expect(result.citations[0]?.quote.toLowerCase()).toContain("the mill");
  });

  it("drops a citation whose quote was invented and flags the answer", () => {
    const result = verifyCitations(
      parseModelAnswer(
        'It was founded in 1887 [1]. It exported silk to Japan [2].\nQUOTES:\n[1] "founded in 1887"\n[2] "exported silk to Japan"',
      ),
      [mill, river],
    );
    expect(result.citations.map((c) => c.index)).toEqual([1]);
    expect(result.answer).toBe("It was founded in 1887 [1]. It exported silk to Japan.");
    expect(result.grounded).toBe(false);
    expect(result.warnings.join(" ")).toMatch(/\[2\] was dropped: its quote does not occur/);
  });

  it("removes markers that point to no passage", () => {
    const result = verifyCitations(
      parseModelAnswer('It was founded in 1887 [1][7].\nQUOTES:\n[1] "founded in 1887"'),
      [mill],
    );
    expect(result.answer).toBe("It was founded in 1887 [1].");
    expect(result.citations).toHaveLength(1);
    expect(result.warnings).toEqual(["Marker [7] pointed to no passage and was removed"]);
    expect(result.grounded).toBe(true);
  });

  it("is not grounded when a claim sentence has no citation, or a marker no quote", () => {
    const bare = verifyCitations(parseModelAnswer("The mill was founded by Mara Lind in 1887."), [mill]);
    expect(bare.grounded).toBe(false);
    expect(bare.warnings[0]).toMatch(/1 sentence states something without a verified citation/);
    const unquoted = verifyCitations(parseModelAnswer("Mara Lind founded the mill [1]."), [mill]);
    expect(unquoted.grounded).toBe(false);
    expect(unquoted.answer).toBe("Mara Lind founded the mill.");
  });

  it("refuses quotes too short to prove anything, and null offsets stay null", () => {
    const noOffsets = numberedPassage(1, mill.content, { start_offset: null });
    const short = verifyCitations(parseModelAnswer('Founded by Mara [1].\nQUOTES:\n[1] "Mara"'), [noOffsets]);
    expect(short.citations).toEqual([]);
    const ok = verifyCitations(parseModelAnswer('Founded by Mara [1].\nQUOTES:\n[1] "by Mara Lind"'), [
      noOffsets,
    ]);
    expect(ok.citations[0]).toMatchObject({ start_offset: null, end_offset: null, quote: "by Mara Lind" });
  });
});

describe("StreamAnswerFilter", () => {
  function streamed(tokens: readonly string[]): string {
    const filter = new StreamAnswerFilter();
    return tokens.map((token) => filter.push(token)).join("");
  }
  const split = (text: string) => text.match(/[\p{L}\p{N}]+|\s+|./gu) ?? [];

  it("shows the answer with its markers and never the quotes block", () => {
    const raw = 'It was founded in 1887 [1].\nIt had forty weavers [1].\n\nQUOTES:\n[1] "founded in 1887"';
    expect(streamed(split(raw))).toBe("It was founded in 1887 [1].\nIt had forty weavers [1].");
  });

  it("shrinks inline quotes to markers and hides a quote-line trailer without header", () => {
    expect(streamed(split('Founded in 1887 [1: "founded in 1887"] by Mara.\n[1] "by Mara Lind"'))).toBe(
      "Founded in 1887 [1] by Mara.",
    );
  });

  it("lets through a line that only starts like a header", () => {
    expect(streamed(split("Sources of power:\nThe river [2]."))).toBe("Sources of power:\nThe river [2].");
  });

  it("shows nothing of a not-found reply", () => {
    expect(streamed(["NOT", "_", "FOUND"])).toBe("");
  });
});
