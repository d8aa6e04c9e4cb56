import type * as Tinyld from "tinyld";
import { lazyRequire } from "../../../../platform/modules/index.js";

export interface LanguageDetection {
  /** ISO 639-1 code, or `und` when the text is too short or not recognised. */
  readonly language: string;
  /** 0–1, tinyld's accuracy for the winning language. */
  readonly confidence: number;
}

/**
 * tinyld's models (8 MB of heap), loaded at the first detection: processing workers detect (and
 * load it as they start), the API process imports this module but never does.
 */
export const loadLanguageDetector = lazyRequire<typeof Tinyld>("tinyld");

export const UNDETERMINED_LANGUAGE: LanguageDetection = { language: "und", confidence: 0 };

/** Below this many letters every detector guesses; report `und` rather than a guess. */
const MIN_LETTERS = 12;
/** Texts longer than this are sampled: a few windows decide the language as well as megabytes. */
const SAMPLE_THRESHOLD = 9_000;
const SAMPLE_WINDOWS = 3;
const SAMPLE_WINDOW_LENGTH = 3_000;

const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/g;
const NON_LETTER_RUNS = /[\p{N}\p{P}\p{S}_]+/gu;
const LETTER = /\p{L}/gu;
const ISO_639_1 = /^[a-z]{2}$/;

/** Evenly spaced windows (start, middle, end), each snapped to whole words. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_THRESHOLD) return text;
  const windows: string[] = [];
  const step = (text.length - SAMPLE_WINDOW_LENGTH) / (SAMPLE_WINDOWS - 1);
  for (let i = 0; i < SAMPLE_WINDOWS; i++) {
    const from = Math.floor(i * step);
    const window = text.slice(from, from + SAMPLE_WINDOW_LENGTH);
    const firstSpace = from === 0 ? 0 : window.search(/\s/) + 1;
    const lastSpace = window.search(/\s\S*$/);
    windows.push(window.slice(firstSpace, lastSpace > firstSpace ? lastSpace : window.length));
  }
  return windows.join("\n");
}

/** The first `maxChars` characters, cut at a word boundary. */
function prefixOf(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf(" ", maxChars);
  return text.slice(0, cut > maxChars / 2 ? cut : maxChars);
}

/**
 * Detects the language of `text` with tinyld (ISO 639-1 codes, like the spec's `langdetect`).
 * URLs, e-mail addresses, digits and punctuation are removed first: they carry no language signal
 * and skew short texts.
 */
export function detectLanguage(text: string, options: { maxChars?: number } = {}): LanguageDetection {
  const sample = options.maxChars === undefined ? sampleOf(text) : prefixOf(text, options.maxChars);
  const cleaned = sample.replace(URL_OR_EMAIL, " ").replace(NON_LETTER_RUNS, " ");
  const letters = cleaned.match(LETTER)?.length ?? 0;
  if (letters < MIN_LETTERS) return UNDETERMINED_LANGUAGE;
  const best = loadLanguageDetector().detectAll(cleaned)[0];
  if (!best || !ISO_639_1.test(best.lang)) return UNDETERMINED_LANGUAGE;
  const confidence = Math.round(Math.min(1, Math.max(0, best.accuracy)) * 1000) / 1000;
  return confidence > 0 ? { language: best.lang, confidence } : UNDETERMINED_LANGUAGE;
}
