import type { SpacePassage } from "../../retrieval/index.js";
import { stemSetOf, termCoverage } from "../text/key-terms.js";

/**
 * The question terms a passage must show to count as evidence: all of them but those that name
 * its document, in its file name or in its title. A question often names the document it is
 * about ("What is the retail price of the Kestrel HT-40?", "When did the county's library open
 * its newest branch?" of the Meridian County Public Library's report); that says which document
 * to look in, not that this passage answers, since every passage of the document is about what
 * its title names. Such terms are neither required of the document's passages nor counted for
 * them (decision 0019). Empty when the question only names the document.
 */
export function termsToShow(
  terms: readonly string[],
  passage: Pick<SpacePassage, "document_name" | "document_title">,
): string[] {
  const named = nameTerms(passage.document_name);
  const titled = passage.document_title === null ? new Set<string>() : nameTerms(passage.document_title);
  return terms.filter((term) => !named.has(term) && !titled.has(term));
}

/**
 * The stems of a document name's words, and of their letter and digit runs: a file name squeezes
 * "HT-40" into "ht40" and "ISO 9001" into "iso9001".
 */
export function nameTerms(name: string): ReadonlySet<string> {
  const spaced = name.replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, " ");
  return new Set([...stemSetOf(name), ...stemSetOf(spaced)]);
}

/** The passage's own text as evidence: its section headings and its content (not the document name). */
function evidenceText(passage: Pick<SpacePassage, "heading_path" | "content">): string {
  return [...passage.heading_path, passage.content].join("\n");
}

/** Share of the terms a passage must show that its headings and content hold (1 when none). */
export function passageCoverage(
  terms: readonly string[],
  passage: Pick<SpacePassage, "document_name" | "document_title" | "heading_path" | "content">,
): number {
  return termCoverage(termsToShow(terms, passage), stemSetOf(evidenceText(passage)));
}
