import type { Logger } from "../../../platform/telemetry/logger.js";
import type { CallReply } from "./call-reply.js";

/** How the pipeline answered: a whole JSON body (a completion or an error), or an event stream. */
export type InProcessAnswer =
  | {
      readonly kind: "json";
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | { readonly kind: "stream" };

/**
 * The receiver of a call made from inside this process: it keeps a JSON answer, or queues the
 * stream's SSE frames for the caller to read. Aborting the caller's signal is a client that went
 * away: the pipeline cancels the upstream call and meters it as cancelled.
 */
export class InProcessReply implements CallReply {
  readonly requestId: string;
  /** Settles once the answer's shape is known (JSON sent, or the stream started). */
  readonly answered: Promise<InProcessAnswer>;
  private settle: (answer: InProcessAnswer) => void = () => {};
  private state: "pending" | "json" | "stream" = "pending";
  private ended = false;
  private abandoned = false;
  private readonly goneListeners = new Set<() => void>();
  private readonly queue: string[] = [];
  private wake: (() => void) | null = null;

  constructor(
    requestId: string,
    private readonly logger: Logger,
    signal?: AbortSignal,
  ) {
    this.requestId = requestId;
    this.answered = new Promise((resolve) => {
      this.settle = resolve;
    });
    if (signal?.aborted) this.abandon();
    else signal?.addEventListener("abort", () => this.abandon(), { once: true });
  }

  get started(): boolean {
    return this.state !== "pending";
  }

  get gone(): boolean {
    return this.abandoned;
  }

  onGone(listener: () => void): () => void {
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  }

  /** The caller stopped reading (aborted, or broke out of the stream). */
  abandon(): void {
    if (this.abandoned || this.ended) return;
    this.abandoned = true;
    for (const listener of [...this.goneListeners]) listener();
    this.notify();
  }

  async sendJson(status: number, headers: Readonly<Record<string, string>>, body: string): Promise<void> {
    this.state = "json";
    this.ended = true;
    this.settle({ kind: "json", status, headers, body });
  }

  startStream(): void {
    this.state = "stream";
    this.settle({ kind: "stream" });
  }

  write(frame: string): void {
    this.queue.push(frame);
    this.notify();
  }

  end(lastFrames?: string): void {
    if (lastFrames) this.queue.push(lastFrames);
    this.ended = true;
    this.notify();
  }

  logError(error: unknown, message: string): void {
    this.logger.error({ err: error }, message);
  }

  /** The stream's frames as they are written, until it ends or the caller abandons it. */
  async *frames(): AsyncGenerator<string> {
    for (;;) {
      const frame = this.queue.shift();
      if (frame !== undefined) {
        yield frame;
        continue;
      }
      if (this.ended || this.abandoned) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
