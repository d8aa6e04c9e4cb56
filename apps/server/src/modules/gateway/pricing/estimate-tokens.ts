import { countTokens as countO200kTokens } from "gpt-tokenizer";
import { TokenCountMemo } from "./token-count-memo.js";

/** Per-message framing tokens (OpenAI's chat format adds about three). */
const perMessage = 3;
/** A typical image's token cost when its size is unknown (OpenAI "high" detail tile baseline). */
const perImage = 765;

/** Prompts repeat from call to call (system prompts, tools, history): their counts are remembered. */
const promptTexts = new TokenCountMemo();

function countTokens(text: string): number {
  return promptTexts.tokens(text);
}

/**
 * Prompt tokens of an OpenAI or Anthropic request, counted with a real tokenizer (o200k). Used
 * for estimates before the call (budgets, `max_cost`, token limits) and for streams whose provider
 * reported no usage; the provider's own counts always win when present.
 */
export function countPromptTokens(body: Readonly<Record<string, unknown>>): number {
  let total = perMessage;
  total += countContent(body.system);
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (const message of messages) {
    if (!message || typeof message !== "object") continue;
    const m = message as Record<string, unknown>;
    total += perMessage + countContent(m.content);
    if (Array.isArray(m.tool_calls)) total += countTokens(JSON.stringify(m.tool_calls));
    if (typeof m.name === "string") total += 1;
  }
  if (Array.isArray(body.tools) && body.tools.length > 0) total += countTokens(JSON.stringify(body.tools));
  if (typeof body.input === "string") total += countTokens(body.input);
  if (Array.isArray(body.input)) {
    for (const item of body.input) if (typeof item === "string") total += countTokens(item);
  }
  return total;
}

/** Tokens of generated text (streams without a usage report; cancelled streams). */
export function countTextTokens(text: string): number {
  // Generated text is new every time: counted, not remembered.
  return text.length === 0 ? 0 : countO200kTokens(text);
}

function countContent(content: unknown): number {
  if (typeof content === "string") return countTokens(content);
  if (!Array.isArray(content)) return 0;
  let total = 0;
  for (const part of content) {
    if (!part || typeof part !== "object") continue;
    const p = part as Record<string, unknown>;
    if (typeof p.text === "string") total += countTokens(p.text);
    else if (p.type === "image_url" || p.type === "image") total += perImage;
    else if (p.type === "tool_use") total += countTokens(JSON.stringify(p.input ?? {}));
    else if (p.type === "tool_result") total += countContent(p.content);
  }
  return total;
}
