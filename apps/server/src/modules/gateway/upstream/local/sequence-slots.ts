import { UpstreamFailure } from "../upstream-failure.js";

interface Waiter {
  readonly grant: () => void;
  readonly refuse: (error: unknown) => void;
}

/**
 * A bound on the generations one model runs at once (each holds a context sequence). Calls past
 * the bound wait in arrival order; a waiter leaves the queue when its call is cancelled, and fails
 * with a `timeout` (retryable, so another deployment can answer) when no slot frees in time.
 */
export class SequenceSlots {
  private free: number;
  private readonly queue: Waiter[] = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  /** Calls waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves with a release function once a slot is held. */
  acquire(signal: AbortSignal | undefined, timeoutMs: number, what: string): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
      };
      const onAbort = () => {
        leave();
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        leave();
        reject(new UpstreamFailure("timeout", `${what} had no free sequence within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        grant: () => {
          leave();
          resolve(this.releaser());
        },
        refuse: (error) => {
          leave();
          reject(error);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  /** Fails every waiter (the model is being disposed). */
  refuseAll(error: unknown): void {
    for (const waiter of [...this.queue]) waiter.refuse(error);
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue[0];
      if (next) next.grant();
      else this.free += 1;
    };
  }
}
