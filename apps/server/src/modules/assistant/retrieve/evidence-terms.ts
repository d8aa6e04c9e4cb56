import type { SpacePassage } from "../../retrieval/index.js";
import { stemSetOf, termCoverage } from "../text/key-terms.js";

/**
 * The question terms a passage must show to count as evidence: all of them but those of its
 * document's name. A question often names the document it is about ("What is the retail price of
 * the Kestrel HT-40?"); that says which document to look in, not that this passage answers, so
 * such terms are neither required of the document's passages nor counted for them. Empty when
 * the question only names the document.
 */
export function termsToShow(
  terms: readonly string[],
  passage: Pick<SpacePassage, "document_name">,
): string[] {
  const named = nameTerms(passage.document_name);
  return terms.filter((term) => !named.has(term));
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
  passage: Pick<SpacePassage, "document_name" | "heading_path" | "content">,
): number {
  return termCoverage(termsToShow(terms, passage), stemSetOf(evidenceText(passage)));
}
