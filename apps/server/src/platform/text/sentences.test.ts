import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

const texts = (text: string, paragraphs = true) => splitSentences(text, { paragraphs }).map((s) => s.text);

describe("splitSentences in document text (paragraphs)", () => {
  it("joins wrapped lines, and breaks at blank lines and sentence ends", () => {
    expect(texts("Its wheel\nwas built of oak. It turned\nfor years.\n\nA new paragraph")).toEqual([
      "Its wheel\nwas built of oak.",
      "It turned\nfor years.",
      "A new paragraph",
    ]);
  });

  it("starts a new sentence at a list item or a heading, and keeps a table's rows together", () => {
    expect(
      texts("Rules:\n- No dogs\n- Keep the gate shut\n2. Water at dusk\n## Fees\nFees are due in May."),
    ).toEqual([
      "Rules:",
      "- No dogs",
      "- Keep the gate shut",
      "2. Water at dusk",
      "## Fees",
      "Fees are due in May.",
    ]);
    expect(texts("| Plan | Price |\n|---|---|\n| Annual | $119 |")).toEqual([
      "| Plan | Price |\n|---|---|\n| Annual | $119 |",
    ]);
  });

  it("does not end a sentence at dot leaders or an ellipsis", () => {
    expect(texts("Standard plot ......... $55\n  Half plot ....... $30")).toEqual([
      "Standard plot ......... $55\n  Half plot ....... $30",
    ]);
    expect(texts("It went on... and on. Then it stopped.")).toEqual([
      "It went on... and on.",
      "Then it stopped.",
    ]);
  });

  it("breaks at every line outside document text", () => {
    expect(texts("Its wheel\nwas built of oak.", false)).toEqual(["Its wheel", "was built of oak."]);
  });
});
