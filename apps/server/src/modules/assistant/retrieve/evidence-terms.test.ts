import { describe, expect, it } from "vitest";
import { questionTermsOf } from "../text/key-terms.js";
import { nameTerms, passageCoverage, termsToShow } from "./evidence-terms.js";

const passage = (
  content: string,
  document_name = "kestrel-ht40-manual.docx",
  heading_path: string[] = [],
  document_title: string | null = null,
) => ({
  content,
  document_name,
  document_title,
  heading_path,
});

describe("evidence terms", () => {
  it("does not ask a passage for the words of its document's name, squeezed or not", () => {
    expect([...nameTerms("kestrel-ht40-manual.docx")]).toEqual(
      expect.arrayContaining(["kestrel", "ht40", "ht", "40", "manual"]),
    );
    const terms = questionTermsOf("What is the retail price of the Kestrel HT-40?");
    expect(termsToShow(terms, passage(""))).toEqual(["retail", "price"]);
    expect(termsToShow(terms, passage("", "other.txt"))).toEqual(terms);
  });

  it("does not ask a passage for the words of its document's title either", () => {
    const terms = questionTermsOf("On what date did the county's newest library building open?");
    const title = "Meridian County Public Library: Annual Report, Fiscal Year 2023";
    expect(termsToShow(terms, passage("", "report.pdf", [], title))).toEqual([
      "date",
      "newest",
      "build",
      "open",
    ]);
    expect(termsToShow(terms, passage("", "report.pdf"))).toEqual(terms);
    const stopped = "On January 1, 2023, the Meridian County Public Library stopped charging overdue fines.";
    expect(passageCoverage(terms, passage(stopped, "report.pdf", [], title))).toBe(0);
    expect(passageCoverage(terms, passage(stopped, "report.pdf"))).toBeGreaterThan(0);
  });

  it("counts the passage's headings and content, not its document name", () => {
    const terms = questionTermsOf("What is the retail price of the Kestrel HT-40?");
    expect(passageCoverage(terms, passage("This manual covers the Kestrel HT-40 heat pump."))).toBe(0);
    expect(passageCoverage(terms, passage("It costs less than most.", undefined, ["Retail price"]))).toBe(1);
    expect(passageCoverage(terms, passage("The price is set by your installer."))).toBe(0.5);
  });

  it("lets a question that only names the document count every passage of it", () => {
    const terms = questionTermsOf("Kestrel HT-40 manual?");
    expect(passageCoverage(terms, passage("Anything at all."))).toBe(1);
    expect(passageCoverage(terms, passage("Anything at all.", "other.txt"))).toBe(0);
  });
});
