import { countTokens as countO200kTokens } from "gpt-tokenizer";

// Documents may contain strings such as "<|endoftext|>"; they are text here, not control tokens
// (the library throws on them by default).
const asPlainText = { disallowedSpecial: new Set<string>() };

/** Tokens in `text` under o200k_base (GPT-4o and later), the tokenizer of current OpenAI models. */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  return countO200kTokens(text, asPlainText);
}
