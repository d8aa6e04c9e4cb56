/**
 * The fake's tokenizer. No real tokenizer is installed, so a token is a run of letters/digits or a
 * single other non-space character ("Hello, world!" is 4 tokens). What matters is that counts are
 * deterministic and identical between stream and non-stream answers.
 */
const TOKEN = /\s*(?:[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_])/gu;

export function countTokens(text: string): number {
  return text.match(TOKEN)?.length ?? 0;
}

/** Splits text into one piece per token (leading spaces kept), so the pieces join back to the text. */
export function splitTokens(text: string): string[] {
  const pieces = text.match(TOKEN) ?? [];
  const consumed = pieces.join("").length;
  const rest = text.slice(consumed);
  if (rest.length === 0) return pieces;
  const last = pieces.pop();
  return [...pieces, (last ?? "") + rest];
}

export function truncateTokens(text: string, maxTokens: number): string {
  return splitTokens(text).slice(0, maxTokens).join("");
}

/** Fields that carry structure, ids or binary payloads rather than prompt text. */
const STRUCTURAL_KEYS = new Set([
  "role",
  "type",
  "id",
  "tool_call_id",
  "tool_use_id",
  "cache_control",
  "url",
  "data",
  "media_type",
  "detail",
]);

/** Every string leaf under value, skipping structural fields. */
export function collectText(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") {
    into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectText(item, into);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!STRUCTURAL_KEYS.has(key)) collectText(item, into);
    }
  }
  return into;
}

/**
 * Prompt tokens of a conversation: 3 tokens of framing per message plus 3 to prime the reply (the
 * OpenAI cookbook's rule), plus the tokens of every text in the messages, system prompt and tools.
 */
export function countPromptTokens(messages: unknown[], extras: unknown[] = []): number {
  let total = 3;
  for (const message of messages) {
    total += 3 + collectText(message).reduce((sum, text) => sum + countTokens(text), 0);
  }
  for (const extra of extras) {
    total += collectText(extra).reduce((sum, text) => sum + countTokens(text), 0);
  }
  return total;
}
