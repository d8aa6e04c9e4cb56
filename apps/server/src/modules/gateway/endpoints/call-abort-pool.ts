import { getEventListeners } from "node:events";

/**
 * AbortControllers for gateway calls, reused once a call ends without being aborted.
 *
 * Why not `new AbortController()` per call: Node builds each AbortSignal as an EventTarget whose
 * prototype is then swapped, so V8 gives every signal a hidden class of its own (a "detached" map
 * that caches no transitions). Objects like that, one per request, were the bulk of what survived
 * each young-generation GC in the gateway's process, and those GCs were its latency tail
 * (decision 0017). A returned controller is handed out again only if its signal is still unaborted
 * and nobody listens to it any more, checked when it is taken rather than when it is returned
 * (undici removes its abort listener a tick after the response body ends), so no call can see an
 * earlier call's listeners or abort.
 */
export class CallAbortPool {
  private readonly free: Array<{ readonly controller: AbortController; skipped: number }> = [];

  constructor(private readonly capacity = 1024) {}

  acquire(): AbortController {
    // The oldest few are looked at: one returned a moment ago may still hold undici's listener,
    // which goes a tick after the body ends. Such a one stays for a later call; one still listened
    // to after many looks is dropped (something kept its listener).
    for (let i = 0; i < Math.min(lookAhead, this.free.length); i++) {
      const entry = this.free[i] as { readonly controller: AbortController; skipped: number };
      if (isIdle(entry.controller.signal)) {
        this.free.splice(i, 1);
        return entry.controller;
      }
      entry.skipped += 1;
      if (entry.skipped > maxSkips) {
        this.free.splice(i, 1);
        i -= 1;
      }
    }
    return new AbortController();
  }

  /** Hands a controller back once its call is over (aborted ones are never handed out again). */
  release(controller: AbortController): void {
    if (this.free.length < this.capacity && !controller.signal.aborted)
      this.free.push({ controller, skipped: 0 });
  }

  get size(): number {
    return this.free.length;
  }
}

const lookAhead = 4;
const maxSkips = 64;

function isIdle(signal: AbortSignal): boolean {
  return !signal.aborted && signal.onabort === null && getEventListeners(signal, "abort").length === 0;
}
