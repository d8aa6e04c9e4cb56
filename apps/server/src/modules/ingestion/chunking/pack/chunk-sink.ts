/** One chunk's place in the text, before content, tokens and metadata are attached. */
export interface ChunkSpan {
  readonly start: number;
  readonly end: number;
  /** Set by strategies that know the section (markdown); otherwise taken from the segments. */
  readonly headingPath?: readonly string[];
}

/**
 * Collects spans up to the chunk cap. A push past the cap records `truncated` and answers false,
 * so strategies stop as soon as the cap is known to be exceeded instead of chunking the rest.
 */
export class ChunkSink {
  readonly spans: ChunkSpan[] = [];
  truncated = false;

  constructor(private readonly capacity: number) {}

  push(span: ChunkSpan): boolean {
    if (this.spans.length >= this.capacity) {
      this.truncated = true;
      return false;
    }
    this.spans.push(span);
    return true;
  }
}
