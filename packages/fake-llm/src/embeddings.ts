import { asArray, asNumber, asObject, asString, type JsonReply } from "./http-io.js";
import { openAiError } from "./openai-errors.js";
import { countTokens } from "./tokens.js";

/** FNV-1a, to seed a vector from the text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A unit-length vector that depends only on the text and the width (mulberry32 stream). */
export function embedText(text: string, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  let state = hash(text);
  let norm = 0;
  for (let i = 0; i < dimensions; i += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
    vector[i] = value;
    norm += value * value;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < dimensions; i += 1) vector[i] = (vector[i] ?? 0) * scale;
  return vector;
}

/** Inputs may be a string, strings, a token array or token arrays; token arrays count one token per id. */
function inputs(input: unknown): { text: string; tokens: number }[] | undefined {
  if (typeof input === "string") return [{ text: input, tokens: countTokens(input) }];
  const items = asArray(input);
  if (items === undefined || items.length === 0) return undefined;
  if (items.every((item) => typeof item === "number"))
    return [{ text: items.join(","), tokens: items.length }];
  const parsed = items.map((item) => {
    if (typeof item === "string") return { text: item, tokens: countTokens(item) };
    const ids = asArray(item);
    return ids === undefined ? undefined : { text: ids.join(","), tokens: ids.length };
  });
  return parsed.every((item) => item !== undefined) ? parsed : undefined;
}

export function embeddingsReply(raw: unknown, defaultDimensions: number): JsonReply {
  const body = asObject(raw);
  const model = asString(body?.model);
  if (model === undefined) return openAiError(400, { message: "you must provide a model parameter" });
  const items = inputs(body?.input);
  if (items === undefined) {
    return openAiError(400, {
      message: "'$.input' is invalid. Please check the API reference.",
      param: "input",
    });
  }
  const dimensions = Math.floor(asNumber(body?.dimensions) ?? defaultDimensions);
  const base64 = body?.encoding_format === "base64";
  const data = items.map((item, index) => {
    const vector = embedText(item.text, dimensions);
    return {
      object: "embedding",
      index,
      embedding: base64 ? Buffer.from(vector.buffer).toString("base64") : Array.from(vector),
    };
  });
  const tokens = items.reduce((sum, item) => sum + item.tokens, 0);
  return {
    status: 200,
    headers: {},
    body: { object: "list", data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } },
  };
}
