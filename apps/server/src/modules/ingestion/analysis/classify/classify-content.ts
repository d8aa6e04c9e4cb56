import { CATEGORY_LEXICON, DOCUMENT_TAGS } from "./category-lexicon.js";
import type { ContentCategory } from "./content-categories.js";
import { countTerms, tokenize } from "./term-counter.js";

export interface ClassificationMeta {
  /** Detected document format (extraction's DocumentFormat), e.g. `pdf`, `csv`. */
  readonly format?: string;
  readonly fileName?: string;
}

export interface ContentClassification {
  readonly content_category: ContentCategory;
  /** 0–1. */
  readonly confidence: number;
  /** What decided it: matched terms with counts (`invoice x3`), file name and type signals. */
  readonly evidence: readonly string[];
  /** Tags for the spec's `classifications[]`: the category (unless general) and document types. */
  readonly classifications: readonly string[];
}

type ScoredCategory = Exclude<ContentCategory, "general">;

/** Below this score the text shows no clear category and is `general`. */
const MIN_SCORE = 4;
/** Score at which confidence from strength is ~63%; scores far above it saturate. */
const STRENGTH_SCALE = 8;
const FILE_NAME_WEIGHT_FACTOR = 2;
const CODE_FILE_SCORE = 6;
const MAX_EVIDENCE_TERMS = 8;
/** Long texts are classified on evenly spaced windows: terms recur, the whole adds little. */
const SAMPLE_THRESHOLD = 256 * 1024;
const SAMPLE_WINDOWS = 8;
const SAMPLE_WINDOW_LENGTH = 32 * 1024;

const CODE_EXTENSIONS = new Set([
  "ts",
  "tsx",
  "js",
  "jsx",
  "mjs",
  "cjs",
  "py",
  "java",
  "go",
  "rs",
  "c",
  "h",
  "cpp",
  "hpp",
  "cs",
  "rb",
  "php",
  "swift",
  "kt",
  "scala",
  "sh",
  "sql",
  "yaml",
  "yml",
  "toml",
  "json",
  "xml",
  "ipynb",
]);

const SCORED_CATEGORIES = Object.keys(CATEGORY_LEXICON) as ScoredCategory[];
const ALL_TERMS: ReadonlySet<string> = new Set([
  ...SCORED_CATEGORIES.flatMap((category) => Object.keys(CATEGORY_LEXICON[category])),
  ...Object.values(DOCUMENT_TAGS).flatMap((tag) => tag.triggers),
]);

function sampleOf(text: string): string {
  if (text.length <= SAMPLE_THRESHOLD) return text;
  const step = (text.length - SAMPLE_WINDOW_LENGTH) / (SAMPLE_WINDOWS - 1);
  const windows: string[] = [];
  for (let i = 0; i < SAMPLE_WINDOWS; i++) {
    const from = Math.floor(i * step);
    windows.push(text.slice(from, from + SAMPLE_WINDOW_LENGTH));
  }
  return windows.join("\n");
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

interface Signal {
  readonly category: ScoredCategory;
  readonly score: number;
  readonly evidence: string;
}

function termSignals(counts: ReadonlyMap<string, number>): Signal[] {
  const signals: Signal[] = [];
  for (const category of SCORED_CATEGORIES) {
    for (const [term, weight] of Object.entries(CATEGORY_LEXICON[category])) {
      const count = counts.get(term);
      // Diminishing returns: one term repeated a hundred times must not outweigh ten distinct ones.
      if (count)
        signals.push({ category, score: weight * (1 + Math.log(count)), evidence: `${term} x${count}` });
    }
  }
  return signals;
}

function metaSignals(meta: ClassificationMeta): Signal[] {
  const signals: Signal[] = [];
  const fileName = meta.fileName?.toLowerCase() ?? "";
  const extension = fileName.includes(".") ? (fileName.split(".").pop() ?? "") : "";
  if (CODE_EXTENSIONS.has(extension)) {
    signals.push({ category: "technical", score: CODE_FILE_SCORE, evidence: `file type: .${extension}` });
  }
  const nameCounts = countTerms(tokenize(fileName.replace(/[_.]+/g, " ")), ALL_TERMS);
  for (const category of SCORED_CATEGORIES) {
    for (const [term, weight] of Object.entries(CATEGORY_LEXICON[category])) {
      if (nameCounts.has(term)) {
        signals.push({ category, score: weight * FILE_NAME_WEIGHT_FACTOR, evidence: `file name: ${term}` });
      }
    }
  }
  return signals;
}

function documentTags(counts: ReadonlyMap<string, number>): string[] {
  return Object.entries(DOCUMENT_TAGS)
    .filter(
      ([, tag]) =>
        tag.triggers.reduce((hits, trigger) => hits + (counts.get(trigger) ?? 0), 0) >= tag.minHits,
    )
    .map(([name]) => name);
}

/**
 * Classifies text by weighted keyword and phrase scoring per category (see category-lexicon.ts),
 * helped by the file name and type. Cheap enough for every document and every gateway request.
 */
export function classifyContent(text: string, meta: ClassificationMeta = {}): ContentClassification {
  const counts = countTerms(tokenize(sampleOf(text)), ALL_TERMS);
  const signals = [...termSignals(counts), ...metaSignals(meta)];
  const scores = new Map<ScoredCategory, number>();
  for (const signal of signals)
    scores.set(signal.category, (scores.get(signal.category) ?? 0) + signal.score);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, bestScore] = ranked[0] ?? [undefined, 0];
  const tags = documentTags(counts);

  if (!best || bestScore < MIN_SCORE) {
    return {
      content_category: "general",
      // 0.75 with no signal at all, down to 0.25 just under the threshold.
      confidence: round2(0.75 - 0.5 * (bestScore / MIN_SCORE)),
      evidence: best ? [`no category reached ${MIN_SCORE} (best: ${best} ${round2(bestScore)})`] : [],
      classifications: tags,
    };
  }
  const total = ranked.reduce((sum, [, score]) => sum + score, 0);
  const share = bestScore / total;
  const strength = 1 - Math.exp(-bestScore / STRENGTH_SCALE);
  const evidence = signals
    .filter((signal) => signal.category === best)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_EVIDENCE_TERMS)
    .map((signal) => signal.evidence);
  return {
    content_category: best,
    confidence: round2(share * strength),
    evidence,
    classifications: [best, ...tags.filter((tag) => tag !== best)],
  };
}
