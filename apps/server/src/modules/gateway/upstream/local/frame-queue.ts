/**
 * SSE frames handed from a generation (pushed from node-llama-cpp's callbacks) to the reader of
 * the response body. Unbounded: tokens arrive far slower than the gateway forwards them.
 */
export class FrameQueue implements AsyncIterable<string> {
  private readonly frames: string[] = [];
  private ended = false;
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;

  push(frame: string): void {
    if (this.ended) return;
    this.frames.push(frame);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  /** Ends the stream with an error, after the frames already queued. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.failure = { error };
    this.ended = true;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for (;;) {
      const frame = this.frames.shift();
      if (frame !== undefined) {
        yield frame;
        continue;
      }
      if (this.ended) {
        if (this.failure) throw this.failure.error;
        return;
      }
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
