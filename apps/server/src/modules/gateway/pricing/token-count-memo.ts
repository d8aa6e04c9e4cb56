import { countTokens } from "gpt-tokenizer";
import { LRUCache } from "lru-cache";

/**
 * Token counts of texts seen recently. Clients send the same system prompt, tool definitions and
 * conversation history again on every turn, and counting them with the BPE tokenizer is the
 * largest piece of work the gateway does before it calls the upstream (about 5 µs for two short
 * messages, milliseconds for a long context). Looking a text up costs one hash of it.
 *
 * Least recently used texts go first once the texts held add up to `maxChars`. Texts shorter than
 * `minChars` are counted each time: the tokenizer is as quick as the lookup there.
 */
export class TokenCountMemo {
  private readonly counts: LRUCache<string, number>;

  constructor(
    private readonly maxChars = 4_000_000,
    private readonly minChars = 16,
    private readonly count: (text: string) => number = countTokens,
  ) {
    this.counts = new LRUCache({
      maxSize: maxChars,
      sizeCalculation: (_count, text) => Math.max(1, text.length),
    });
  }

  tokens(text: string): number {
    if (text.length < this.minChars || text.length > this.maxChars / 8) return this.count(text);
    const known = this.counts.get(text);
    if (known !== undefined) return known;
    const counted = this.count(text);
    this.counts.set(text, counted);
    return counted;
  }

  /** How many texts and characters are held (for tests). */
  size(): { texts: number; chars: number } {
    return { texts: this.counts.size, chars: this.counts.calculatedSize };
  }
}
