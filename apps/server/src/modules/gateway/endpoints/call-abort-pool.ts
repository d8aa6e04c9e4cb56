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
  private readonly free: AbortController[] = [];

  constructor(private readonly capacity = 1024) {}

  acquire(): AbortController {
    // Oldest first: the most recently returned may still hold a listener that is about to go.
    for (let controller = this.free.shift(); controller; controller = this.free.shift()) {
      if (isIdle(controller.signal)) return controller;
    }
    return new AbortController();
  }

  /** Hands a controller back once its call is over (aborted ones are never handed out again). */
  release(controller: AbortController): void {
    if (this.free.length < this.capacity && !controller.signal.aborted) this.free.push(controller);
  }

  get size(): number {
    return this.free.length;
  }
}

function isIdle(signal: AbortSignal): boolean {
  return !signal.aborted && signal.onabort === null && getEventListeners(signal, "abort").length === 0;
}
