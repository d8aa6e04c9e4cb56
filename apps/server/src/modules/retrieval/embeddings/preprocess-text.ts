import { createHash } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type * as Cl100k from "gpt-tokenizer/encoding/cl100k_base";
import { lazyRequire } from "../../../platform/modules/index.js";

/** Spec §3: inputs are cut to 8000 tokens (the OpenAI models accept 8191). */
export const maxInputTokens = 8000;
/** For providers without a token bill: a cheap bound of about 8000 tokens of text. */
const maxCharsWithoutTokenizer = 32_000;
// Texts may contain "<|endoftext|>" and the like: plain text here, never control tokens.
const asPlainText = { disallowedSpecial: new Set<string>() };

export interface PreparedText {
  /** What the provider receives and what the cache is keyed by. */
  readonly text: string;
  /** cl100k_base tokens of `text` when counted (remote providers), else 0. */
  readonly tokens: number;
  /** sha256 of `text`, hex: the `content_hash` of the embedding cache. */
  readonly hash: string;
}

/**
 * The cl100k_base tables (11 MB of heap), loaded when a remote provider's text is first counted:
 * most processes embed with a local model and never count.
 */
const cl100kTokenizer = lazyRequire<typeof Cl100k>("gpt-tokenizer/cjs/encoding/cl100k_base");

/**
 * Spec §3 preprocessing: NFKC, whitespace collapsed, cut to 8000 tokens; never lowercased (case
 * carries meaning for the remote models). Remote providers bill by token, so their texts are
 * counted and cut with cl100k_base, the tokenizer of OpenAI's embedding models.
 */
export function prepareText(raw: string, countTokens: boolean): PreparedText {
  const normalised = raw.normalize("NFKC").replace(/\s+/gu, " ").trim();
  let text = normalised;
  let tokens = 0;
  if (countTokens) {
    const { decode, encode, isWithinTokenLimit } = cl100kTokenizer();
    const within = isWithinTokenLimit(normalised, maxInputTokens, asPlainText);
    if (within === false) {
      text = decode(encode(normalised, asPlainText).slice(0, maxInputTokens)).replace(/\uFFFD+$/u, "");
      tokens = maxInputTokens;
    } else tokens = within;
  } else if (normalised.length > maxCharsWithoutTokenizer) {
    text = withoutBrokenSurrogate(normalised.slice(0, maxCharsWithoutTokenizer));
  }
  return { text, tokens, hash: createHash("sha256").update(text).digest("hex") };
}

/** About 25 ms of tokenizer work between yields, so a large request never stalls HTTP. */
const charsPerSlice = 256_000;

/** `prepareText` over many texts, yielding to the event loop between slices. */
export async function prepareTexts(texts: readonly string[], countTokens: boolean): Promise<PreparedText[]> {
  const prepared: PreparedText[] = [];
  let charsSinceYield = 0;
  for (const text of texts) {
    if (charsSinceYield >= charsPerSlice) {
      await yieldToEventLoop();
      charsSinceYield = 0;
    }
    prepared.push(prepareText(text, countTokens));
    charsSinceYield += text.length;
  }
  return prepared;
}

function withoutBrokenSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}
