import { countTokens } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import { TokenCountMemo } from "./token-count-memo.js";

function countingTokenizer() {
  const seen: string[] = [];
  return {
    seen,
    count(text: string) {
      seen.push(text);
      return countTokens(text);
    },
  };
}

describe("TokenCountMemo", () => {
  it("gives the tokenizer's counts and tokenizes a repeated text once", () => {
    const tokenizer = countingTokenizer();
    const memo = new TokenCountMemo(1_000, 4, tokenizer.count);
    const system = "You are a terse assistant who answers in one sentence.";
    expect(memo.tokens(system)).toBe(countTokens(system));
    expect(memo.tokens(`${system}`.slice(0))).toBe(countTokens(system));
    expect(tokenizer.seen).toEqual([system]);
    expect(memo.size()).toEqual({ texts: 1, chars: system.length });
  });

  it("lets the least recently used texts go once the characters held pass the bound", () => {
    const tokenizer = countingTokenizer();
    const memo = new TokenCountMemo(120, 4, tokenizer.count);
    const a = "a".repeat(12);
    const b = "b".repeat(12);
    const c = "c".repeat(12);
    memo.tokens(a);
    memo.tokens(b);
    memo.tokens(a); // a is now the most recent
    for (let i = 0; i < 8; i++) memo.tokens(`${c}${i}`); // 8 × 13 chars push the total past 120
    expect(memo.size().chars).toBeLessThanOrEqual(120);
    tokenizer.seen.length = 0;
    memo.tokens(a);
    expect(tokenizer.seen).toEqual([]);
    memo.tokens(b);
    expect(tokenizer.seen).toEqual([b]);
  });

  it("holds neither short texts nor texts over an eighth of the bound", () => {
    const tokenizer = countingTokenizer();
    const memo = new TokenCountMemo(800, 16, tokenizer.count);
    memo.tokens("short");
    memo.tokens("x".repeat(101));
    memo.tokens("short");
    memo.tokens("x".repeat(101));
    expect(tokenizer.seen).toHaveLength(4);
    expect(memo.size()).toEqual({ texts: 0, chars: 0 });
  });
});
