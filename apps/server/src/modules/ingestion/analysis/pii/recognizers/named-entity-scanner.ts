import type { PiiFinding } from "../types.js";
import type { NamedEntityType } from "./named-entities.js";
import { findNamedEntities } from "./named-entities.js";
import { segmentEnd } from "./ner-segments.js";

/**
 * Walks text segment by segment, running NER on each complete one until `maxChars` of text have
 * been covered; the rest is not scanned for names (compromise runs at roughly 0.1–0.5 MB/s, so an
 * unbounded scan of a 50 MB document would take minutes). Used once over a whole text by
 * `detectPii`, and incrementally by the streaming redactor; both see the same segments in the same
 * order, so both find the same entities.
 */
export class NamedEntityScanner {
  private next = 0;
  private charsCovered = 0;

  constructor(
    private readonly types: ReadonlySet<NamedEntityType>,
    private readonly maxChars: number,
  ) {}

  /** Absolute offset where the first segment not yet scanned starts. */
  get position(): number {
    return this.next;
  }

  /**
   * Scans the complete segments of `text`, which holds the input from absolute offset `base` on
   * (base ≤ position). With `final`, the text is known to end here, so its last segment is complete.
   */
  scan(text: string, base: number, final: boolean): PiiFinding[] {
    const findings: PiiFinding[] = [];
    const textEnd = base + text.length;
    while (this.next < textEnd) {
      if (this.charsCovered >= this.maxChars) {
        this.next = textEnd;
        break;
      }
      const end = segmentEnd(text, this.next - base, final);
      if (end === undefined) break;
      const start = this.next - base;
      findings.push(...findNamedEntities(text.slice(start, end), this.next, this.types));
      this.charsCovered += end - start;
      this.next = base + end;
    }
    return findings;
  }
}
