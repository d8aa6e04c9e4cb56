import type nlpModule from "compromise";
import { lazyRequire } from "../../../../../platform/modules/index.js";
import type { PiiEntityType, PiiFinding } from "../types.js";
import { mayNameEntities } from "./name-candidates.js";

/** compromise is a rule-and-lexicon tagger: useful, but far from a trained NER model. */
const NER_CONFIDENCE = 0.6;
const HAS_UPPER_CASE = /\p{Lu}/u;

export type NamedEntityType = Extract<PiiEntityType, "PERSON" | "LOCATION">;

/**
 * compromise, loaded on first use (processing workers, and the gateway when guardrails are on by
 * default, load it as they start). Not imported with this module: loading its lexicon merges
 * one-property temporaries (`{[word]: tag}`), which fills the transition array of V8's plain-object
 * root map (1,536 entries), and until the next full GC every plain object the process builds gets a
 * hidden class of its own; such objects survive young-generation GCs. An API process that never
 * scans for names should not pay for that (decision 0017). Evaluating it in a V8 context of its own
 * would avoid it everywhere, but makes the tagger about 40% slower (global lookups through the
 * context), and it is the slowest step of document processing.
 */
export const loadNamedEntityTagger = lazyRequire<typeof nlpModule>("compromise");

interface TermOffset {
  readonly start: number;
  readonly length: number;
}

function isTermOffset(value: unknown): value is TermOffset {
  if (typeof value !== "object" || value === null) return false;
  const { start, length } = value as { start?: unknown; length?: unknown };
  return typeof start === "number" && typeof length === "number";
}

/**
 * Spans of compromise matches, from the first term's start to the last term's end: the match's own
 * offset includes trailing punctuation ("Smith." ), the term offsets do not.
 */
function matchSpans(matches: unknown): Array<{ start: number; end: number }> {
  if (!Array.isArray(matches)) return [];
  const spans: Array<{ start: number; end: number }> = [];
  for (const match of matches as unknown[]) {
    const terms = (match as { terms?: unknown }).terms;
    if (!Array.isArray(terms)) continue;
    const offsets = (terms as unknown[])
      .map((term) => (term as { offset?: unknown }).offset)
      .filter(isTermOffset);
    const first = offsets[0];
    const last = offsets[offsets.length - 1];
    if (first && last) spans.push({ start: first.start, end: last.start + last.length });
  }
  return spans;
}

/**
 * PERSON and LOCATION findings in one segment (see ner-segments.ts), offsets shifted by
 * `segmentOffset`. Segments that cannot name anything (see name-candidates.ts) are skipped:
 * compromise is by far the slowest part of the scan.
 */
export function findNamedEntities(
  segment: string,
  segmentOffset: number,
  types: ReadonlySet<NamedEntityType>,
): PiiFinding[] {
  if (!mayNameEntities(segment)) return [];
  const doc = loadNamedEntityTagger()(segment);
  const findings: PiiFinding[] = [];
  const add = (type: NamedEntityType, matches: unknown): void => {
    for (const { start, end } of matchSpans(matches)) {
      // A name or place without a capital letter is almost always a mis-tag.
      if (end <= start || !HAS_UPPER_CASE.test(segment.slice(start, end))) continue;
      findings.push({
        type,
        start: segmentOffset + start,
        end: segmentOffset + end,
        confidence: NER_CONFIDENCE,
        recognizer: "compromise_ner",
      });
    }
  };
  if (types.has("PERSON")) add("PERSON", doc.people().out("offset"));
  if (types.has("LOCATION")) add("LOCATION", doc.places().out("offset"));
  return findings;
}
