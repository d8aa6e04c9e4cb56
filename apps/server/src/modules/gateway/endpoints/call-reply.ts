import type { FastifyReply } from "fastify";

/**
 * Where one gateway call's answer goes: an HTTP reply, or a caller inside this process (the
 * assistant). Only this part of the pipeline differs between the two: authorization, limits,
 * routing, guardrails, budgets and metering are the same code for both.
 */
export interface CallReply {
  /** The request id an event stream's headers carry. */
  readonly requestId: string;
  /** True once the answer began: JSON sent, or an event stream started. */
  readonly started: boolean;
  /** True when the receiver went away (the client disconnected, the in-process caller aborted). */
  readonly gone: boolean;
  /** `listener` runs when the receiver goes away before the answer is complete; returns an unsubscribe. */
  onGone(listener: () => void): () => void;
  /** A whole JSON answer: a completion, a cache hit or an error. */
  sendJson(status: number, headers: Readonly<Record<string, string>>, body: string): Promise<void>;
  /** Starts a 200 event stream; `write` sends its frames (exact SSE bytes) and `end` closes it. */
  startStream(headers: Readonly<Record<string, string>>): void;
  write(frame: string): void;
  /** Ends the stream, after `lastFrames` when given (one write for the closing frames). */
  end(lastFrames?: string): void;
  logError(error: unknown, message: string): void;
}

/**
 * The HTTP receiver: a Fastify reply, written raw for streams. A class rather than an object
 * literal with getters: V8 turns such a literal into a dictionary-mode object on every call.
 */
class HttpCallReply implements CallReply {
  readonly requestId: string;
  /** True from a stream's first write in this turn of the event loop until the turn's uncork. */
  private corked = false;

  constructor(private readonly reply: FastifyReply) {
    this.requestId = reply.request.id;
  }

  get started(): boolean {
    return this.reply.sent || this.reply.raw.headersSent;
  }

  get gone(): boolean {
    return this.reply.raw.destroyed;
  }

  onGone(listener: () => void): () => void {
    const raw = this.reply.raw;
    // A method, not a named arrow: under tsx (esbuild's keepNames) each named function made per call
    // is renamed with Object.defineProperty, which turns it into a dictionary-mode object.
    const watcher = {
      onClose() {
        if (!raw.writableFinished) listener();
      },
    };
    raw.on("close", watcher.onClose);
    return () => {
      raw.off("close", watcher.onClose);
    };
  }

  async sendJson(status: number, headers: Readonly<Record<string, string>>, body: string): Promise<void> {
    for (const [name, value] of Object.entries(headers)) this.reply.header(name, value);
    await this.reply.status(status).type("application/json").send(body);
  }

  startStream(headers: Readonly<Record<string, string>>): void {
    this.reply.raw.writeHead(200, headers);
  }

  /**
   * A stream's frames leave once per turn of the event loop: what one upstream read gives (its
   * events, and the closing frames when the upstream ended in the same read) goes out in one
   * write. Node's own cork lasts until the next tick only, and the upstream body's end arrives a
   * tick later, so a stream answered in one read cost two writes. Nothing waits for new I/O:
   * the uncork runs in this turn's check phase.
   */
  write(frame: string): void {
    if (!this.corked) {
      this.corked = true;
      this.reply.raw.cork();
      setImmediate(uncorkTurn, this);
    }
    this.reply.raw.write(frame);
  }

  /** Ends the turn's cork (`uncorkTurn`); `end()` has already flushed everything when it came first. */
  uncorkTurn(): void {
    this.corked = false;
    this.reply.raw.uncork();
  }

  end(lastFrames?: string): void {
    if (this.reply.raw.writableEnded) return;
    if (lastFrames) this.reply.raw.end(lastFrames);
    else this.reply.raw.end();
  }

  logError(error: unknown, message: string): void {
    this.reply.log.error({ err: error }, message);
  }
}

/** A plain function for `setImmediate`, so no closure is made per turn. */
function uncorkTurn(reply: HttpCallReply): void {
  reply.uncorkTurn();
}

export function httpCallReply(reply: FastifyReply): CallReply {
  return new HttpCallReply(reply);
}
