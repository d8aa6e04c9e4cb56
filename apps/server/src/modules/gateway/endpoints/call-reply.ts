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
  end(): void;
  logError(error: unknown, message: string): void;
}

/** The HTTP receiver: a Fastify reply, written raw for streams. */
export function httpCallReply(reply: FastifyReply): CallReply {
  return {
    requestId: reply.request.id,
    get started() {
      return reply.sent || reply.raw.headersSent;
    },
    get gone() {
      return reply.raw.destroyed;
    },
    onGone(listener) {
      const onClose = () => {
        if (!reply.raw.writableFinished) listener();
      };
      reply.raw.on("close", onClose);
      return () => reply.raw.off("close", onClose);
    },
    async sendJson(status, headers, body) {
      for (const [name, value] of Object.entries(headers)) reply.header(name, value);
      await reply.status(status).type("application/json").send(body);
    },
    startStream(headers) {
      reply.raw.writeHead(200, headers);
    },
    write(frame) {
      reply.raw.write(frame);
    },
    end() {
      if (!reply.raw.writableEnded) reply.raw.end();
    },
    logError(error, message) {
      reply.log.error({ err: error }, message);
    },
  };
}
