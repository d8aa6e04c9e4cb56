import { collectPatternFindings } from "./detect-pii.js";
import type { DetectionPlan, DetectPiiOptions } from "./detection-plan.js";
import { planDetection } from "./detection-plan.js";
import { mergeFindings } from "./merge-findings.js";
import { NamedEntityScanner } from "./recognizers/named-entity-scanner.js";
import type { RedactionStyle } from "./redact-pii.js";
import { redactPii } from "./redact-pii.js";
import { summarizePii } from "./summarize-pii.js";
import type { PiiFinding, PiiPolicy, PiiSummary } from "./types.js";

export interface StreamingRedactorOptions extends DetectPiiOptions {
  /**
   * `off`: pass through, scan nothing. `detect`: pass through unchanged, count findings.
   * `redact`: emit redacted text. `block`: emit text up to the first finding, then nothing.
   */
  readonly policy: PiiPolicy;
  /** Default `tag`. */
  readonly style?: RedactionStyle;
}

export interface StreamingRedactor {
  /** Feeds the next chunk; returns the text that is safe to emit now (possibly empty). */
  push(chunk: string): string;
  /** Ends the stream; returns whatever was still held back. push after flush throws. */
  flush(): string;
  /** True once policy `block` met PII; every later call returns "". */
  readonly blocked: boolean;
  /** Input characters received but not yet decided (held back). */
  readonly heldBack: number;
  /** Findings so far, with offsets into the concatenated input. */
  findings(): readonly PiiFinding[];
  summary(): PiiSummary;
}

/**
 * Redacts streamed text (LLM completions) chunk by chunk. Every recognizer's decisions are local
 * (see PatternRecognizer), so text can be emitted up to a boundary that no pending finding can
 * still reach: before the trailing run of characters that could still grow into a finding, and
 * before the current NER segment. The concatenated output therefore equals
 * `redactPii(input, detectPii(input, options), style).text` for the whole input, however it is cut.
 * Held back: usually the trailing word; at most a recognizer's reach (≤ 256 chars, the longest
 * e-mail address) without NER, or the current sentence (≤ 256 chars) with PERSON/LOCATION on.
 */
export function createStreamingRedactor(options: StreamingRedactorOptions): StreamingRedactor {
  return new ChunkedRedactor(options);
}

class ChunkedRedactor implements StreamingRedactor {
  private readonly plan: DetectionPlan;
  private readonly policy: PiiPolicy;
  private readonly style: RedactionStyle;
  private readonly scanner: NamedEntityScanner | undefined;
  /** Text already decided that recognizers may still read as left context. */
  private readonly keepBehind: number;
  /** The input from `bufferStart` on. */
  private buffer = "";
  private bufferStart = 0;
  /** Absolute offset up to which input has been decided (emitted, redacted or withheld). */
  private decided = 0;
  private pendingNamedEntities: PiiFinding[] = [];
  private readonly found: PiiFinding[] = [];
  private isBlocked = false;
  private isFlushed = false;

  constructor(options: StreamingRedactorOptions) {
    this.plan = planDetection(options);
    this.policy = options.policy;
    this.style = options.style ?? "tag";
    this.scanner =
      this.plan.namedEntityTypes.size > 0
        ? new NamedEntityScanner(this.plan.namedEntityTypes, this.plan.nerMaxChars)
        : undefined;
    this.keepBehind = Math.max(0, ...this.plan.patterns.map((recognizer) => recognizer.leftContext));
  }

  get blocked(): boolean {
    return this.isBlocked;
  }

  get heldBack(): number {
    return this.bufferStart + this.buffer.length - this.decided;
  }

  findings(): readonly PiiFinding[] {
    return this.found;
  }

  summary(): PiiSummary {
    return summarizePii(this.found);
  }

  push(chunk: string): string {
    if (this.isFlushed) throw new Error("streaming redactor: push after flush");
    switch (this.policy) {
      case "off":
        return chunk;
      case "detect":
        this.buffer += chunk;
        this.advance(false);
        return chunk;
      case "redact":
      case "block":
        if (this.isBlocked) return "";
        this.buffer += chunk;
        return this.advance(false);
    }
  }

  flush(): string {
    if (this.isFlushed) return "";
    this.isFlushed = true;
    switch (this.policy) {
      case "off":
        return "";
      case "detect":
        this.advance(true);
        return "";
      case "redact":
      case "block":
        return this.isBlocked ? "" : this.advance(true);
    }
  }

  /** Decides as much of the buffered input as possible and returns its output text. */
  private advance(final: boolean): string {
    const inputEnd = this.bufferStart + this.buffer.length;
    const candidates = this.undecidedFindings(final);
    let boundary = Math.max(this.decided, final ? inputEnd : this.safeBoundary(inputEnd));
    // Never cut through a finding: a chain of overlapping findings must be merged as a whole.
    for (let moved = true; moved; ) {
      moved = false;
      for (const finding of candidates) {
        if (finding.start < boundary && boundary < finding.end) {
          boundary = finding.start;
          moved = true;
        }
      }
    }
    const accepted = mergeFindings(candidates).filter((finding) => finding.end <= boundary);
    const output = this.render(boundary, accepted);
    this.found.push(...accepted);
    this.decided = boundary;
    this.pendingNamedEntities = this.pendingNamedEntities.filter((finding) => finding.start >= boundary);
    this.trimBuffer();
    return output;
  }

  /** Findings starting in the undecided part of the buffer, with absolute offsets. */
  private undecidedFindings(final: boolean): PiiFinding[] {
    if (this.scanner) {
      for (const finding of this.scanner.scan(this.buffer, this.bufferStart, final)) {
        if (finding.confidence >= this.plan.minConfidence) this.pendingNamedEntities.push(finding);
      }
    }
    const findings = [...this.pendingNamedEntities];
    for (const finding of collectPatternFindings(this.buffer, this.plan)) {
      const start = finding.start + this.bufferStart;
      // Earlier starts lie in decided text, or were read without their full left context.
      if (start >= this.decided) findings.push({ ...finding, start, end: finding.end + this.bufferStart });
    }
    return findings;
  }

  /**
   * The furthest offset no future finding can reach back before: a finding still undecided lies in
   * the trailing run of characters its recognizer can span, and within its reach of the end.
   */
  private safeBoundary(inputEnd: number): number {
    let boundary = this.scanner ? Math.min(inputEnd, this.scanner.position) : inputEnd;
    for (const recognizer of this.plan.patterns) {
      const floor = Math.max(this.bufferStart, inputEnd - recognizer.maxLength - recognizer.rightContext);
      let runStart = inputEnd;
      while (
        runStart > floor &&
        recognizer.isSpanChar(this.buffer.charCodeAt(runStart - 1 - this.bufferStart))
      ) {
        runStart--;
      }
      boundary = Math.min(boundary, runStart);
    }
    return boundary;
  }

  private render(boundary: number, accepted: readonly PiiFinding[]): string {
    const piece = this.buffer.slice(this.decided - this.bufferStart, boundary - this.bufferStart);
    const local = accepted.map((finding) => ({
      ...finding,
      start: finding.start - this.decided,
      end: finding.end - this.decided,
    }));
    switch (this.policy) {
      case "off":
      case "detect":
        return "";
      case "redact":
        return redactPii(piece, local, this.style).text;
      case "block": {
        const first = local[0];
        if (!first) return piece;
        this.isBlocked = true;
        return piece.slice(0, first.start);
      }
    }
  }

  /** Drops decided text except the left context recognizers (and the open NER segment) need. */
  private trimBuffer(): void {
    let keepFrom = this.decided - this.keepBehind;
    if (this.scanner) keepFrom = Math.min(keepFrom, this.scanner.position);
    if (keepFrom <= this.bufferStart) return;
    this.buffer = this.buffer.slice(keepFrom - this.bufferStart);
    this.bufferStart = keepFrom;
  }
}
