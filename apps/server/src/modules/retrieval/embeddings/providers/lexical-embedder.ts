import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { EmbeddingModelInfo } from "../embedding-port.js";
import type { EmbeddingProvider } from "../embedding-provider.js";

/** Dimensions of the built-in embedder unless EMBEDDING_DIMENSIONS says otherwise. */
export const defaultLexicalDimensions = 384;
const lexicalModelBase = "lexical-hash-v1";
const minLexicalDimensions = 8;
const maxLexicalDimensions = 10_000;

export interface LexicalEmbedder {
  readonly model: EmbeddingModelInfo;
  /** Deterministic, L2-normalised vectors; a text with no features gets a zero-free fallback. */
  embed(texts: readonly string[]): number[][];
}

/** `lexical-hash-v1` for 384 dimensions, `lexical-hash-v1-<n>` otherwise. */
export function lexicalModelName(dimensions: number): string {
  return dimensions === defaultLexicalDimensions ? lexicalModelBase : `${lexicalModelBase}-${dimensions}`;
}

/** The dimensions a lexical model name stands for, or undefined when it is not one. */
export function parseLexicalModelName(name: string): number | undefined {
  if (name === lexicalModelBase) return defaultLexicalDimensions;
  const match = /^lexical-hash-v1-(\d{1,5})$/.exec(name);
  if (!match) return undefined;
  const dimensions = Number(match[1]);
  return dimensions >= minLexicalDimensions && dimensions <= maxLexicalDimensions ? dimensions : undefined;
}

/**
 * The built-in embedder used when no model is configured: feature hashing of word unigrams,
 * word bigrams and character trigrams with sublinear term frequency. It knows no synonyms, but
 * texts that share words land close together, which keeps search useful without any model.
 */
export function createLexicalEmbedder(dimensions: number = defaultLexicalDimensions): LexicalEmbedder {
  if (
    !Number.isInteger(dimensions) ||
    dimensions < minLexicalDimensions ||
    dimensions > maxLexicalDimensions
  ) {
    throw new RangeError(
      `Lexical embedder dimensions must be an integer in ${minLexicalDimensions}..${maxLexicalDimensions}`,
    );
  }
  const model: EmbeddingModelInfo = {
    name: lexicalModelName(dimensions),
    provider: "lexical",
    dimensions,
    fallback: true,
  };
  return { model, embed: (texts) => texts.map((text) => embedLexically(text, dimensions)) };
}

// Word features carry the meaning; trigrams catch inflections and typos but are many, so they weigh less.
const unigramWeight = 1;
const bigramWeight = 0.6;
const trigramWeight = 0.25;
const stopwordWeight = 0.15;

function embedLexically(text: string, dimensions: number): number[] {
  // Feature hash → term frequency, one map per family (they weigh differently). Hashes are
  // computed from character codes directly: no feature strings are built, which keeps this fast.
  const stopwordCounts = new Map<number, number>();
  const unigramCounts = new Map<number, number>();
  const bigramCounts = new Map<number, number>();
  const trigramCounts = new Map<number, number>();
  // Keys as signed 32-bit integers stay small integers in V8's maps (unsigned ones above 2^31 do not).
  const count = (counts: Map<number, number>, hash: number) => {
    const key = hash | 0;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };

  const normalised = normaliseForFeatures(text);
  const words = normalised.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const [index, word] of words.entries()) {
    count(stopwords.has(word) ? stopwordCounts : unigramCounts, fnv1a(word, unigramSeed));
    const next = words[index + 1];
    if (next !== undefined) count(bigramCounts, fnv1a(next, fnv1aStep(fnv1a(word, bigramSeed), 0x20)));
  }
  const padded = ` ${normalised} `;
  for (let start = 0; start + 3 <= padded.length; start += 1) {
    let hash = fnv1aStep(trigramSeed, padded.charCodeAt(start));
    hash = fnv1aStep(hash, padded.charCodeAt(start + 1));
    count(trigramCounts, fnv1aStep(hash, padded.charCodeAt(start + 2)));
  }

  const vector = new Array<number>(dimensions).fill(0);
  const project = (counts: Map<number, number>, weight: number) => {
    for (const [hash, termFrequency] of counts) {
      const bucket = (hash & 0x7fffffff) % dimensions;
      const sign = hash < 0 ? -1 : 1;
      // Sublinear tf: 1 + ln(tf) keeps one repeated word from dominating the vector.
      vector[bucket] = (vector[bucket] ?? 0) + sign * weight * (1 + Math.log(termFrequency));
    }
  };
  project(stopwordCounts, stopwordWeight);
  project(unigramCounts, unigramWeight);
  project(bigramCounts, bigramWeight);
  project(trigramCounts, trigramWeight);
  return normaliseL2(vector);
}

/** Lower case, compatibility forms folded, accents removed, whitespace collapsed. */
function normaliseForFeatures(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}

function normaliseL2(vector: number[]): number[] {
  let sum = 0;
  for (const value of vector) sum += value * value;
  // Only an empty text has no features; its vector stays zero (the service refuses empty texts).
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  return vector.map((value) => Math.fround(value * scale));
}

const fnvOffset = 0x811c9dc5;
/** 32-bit FNV-1a step over one UTF-16 code unit: fast, stable across runs and platforms. */
function fnv1aStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) >>> 0;
}
function fnv1a(value: string, seed: number): number {
  let hash = seed;
  for (let index = 0; index < value.length; index += 1) hash = fnv1aStep(hash, value.charCodeAt(index));
  return hash;
}
// Each family starts from its own seed, so the word "abc" and the trigram "abc" differ.
const unigramSeed = fnv1aStep(fnvOffset, 0x77); // "w"
const bigramSeed = fnv1aStep(fnvOffset, 0x62); // "b"
const trigramSeed = fnv1aStep(fnvOffset, 0x63); // "c"

// Frequent function words in the languages the platform detects most; they still count, but little.
const stopwords = new Set(
  (
    "a an and are as at be but by for from has have he her his i in is it its of on or our she so that the " +
    "their them they this to was we were what when where which who will with you your " +
    "de la le les des du un une et est en que qui dans pour pas sur au aux " +
    "der die das und ist ein eine zu den mit von nicht el los las y es por con"
  ).split(" "),
);

/** About 25 ms of work on these machines between yields to the event loop. */
const charsPerSlice = 256_000;

/** The lexical embedder as a provider: it yields between slices of text, so big batches never stall HTTP. */
export function createLexicalProvider(dimensions: number = defaultLexicalDimensions): EmbeddingProvider {
  const embedder = createLexicalEmbedder(dimensions);
  return {
    model: embedder.model,
    async embedBatch(texts) {
      const vectors: number[][] = [];
      let charsSinceYield = 0;
      for (const text of texts) {
        if (charsSinceYield >= charsPerSlice) {
          await yieldToEventLoop();
          charsSinceYield = 0;
        }
        vectors.push(embedLexically(text, dimensions));
        charsSinceYield += text.length;
      }
      return vectors;
    },
    close: async () => {},
  };
}
