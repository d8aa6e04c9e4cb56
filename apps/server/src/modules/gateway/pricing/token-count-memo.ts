import { countTokens } from "gpt-tokenizer";

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
  private readonly counts = new Map<string, number>();
  private heldChars = 0;

  constructor(
    private readonly maxChars = 4_000_000,
    private readonly minChars = 16,
    private readonly count: (text: string) => number = countTokens,
  ) {}

  tokens(text: string): number {
    if (text.length < this.minChars || text.length > this.maxChars / 8) return this.count(text);
    const known = this.counts.get(text);
    if (known !== undefined) {
      // Moved to the young end: Map keeps insertion order, so the first key is the oldest.
      this.counts.delete(text);
      this.counts.set(text, known);
      return known;
    }
    const counted = this.count(text);
    this.counts.set(text, counted);
    this.heldChars += text.length;
    while (this.heldChars > this.maxChars) this.evictOldest();
    return counted;
  }

  /** How many texts and characters are held (for tests). */
  size(): { texts: number; chars: number } {
    return { texts: this.counts.size, chars: this.heldChars };
  }

  private evictOldest(): void {
    for (const oldest of this.counts.keys()) {
      this.counts.delete(oldest);
      this.heldChars -= oldest.length;
      return;
    }
  }
}
