import type { AssistantAnswer } from "@tributary/contracts";
import type { FastifyReply } from "fastify";
import { errorEnvelope, toAppError } from "../../../http/errors.js";

export interface StreamHooks {
  /** Each newly visible piece of the answer. */
  readonly onDelta: (delta: string) => void;
  /** Aborted when the client goes away: the model call is cancelled and nothing is stored. */
  readonly signal: AbortSignal;
}

/**
 * Answers as server-sent events: `answer.delta` ({delta}) while a model writes, `citations`
 * ({citations, warnings}) once they are verified, then `done` (the whole answer, as the JSON
 * reply would be; its `answer` is authoritative, with unverified markers removed). The stream
 * opens on the first event, so a refusal before it (a spent budget, a bad request) is an ordinary
 * JSON error reply; a failure after it is an `error` event with the error envelope.
 */
export async function streamAnswer(
  reply: FastifyReply,
  answer: (hooks: StreamHooks) => Promise<AssistantAnswer>,
): Promise<void> {
  const abort = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) abort.abort();
  };
  reply.raw.on("close", onClose);
  let open = false;
  let streamed = false;
  const send = (event: string, data: unknown) => {
    if (!open) {
      reply.hijack();
      reply.raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
        "x-accel-buffering": "no",
        "x-request-id": reply.request.id,
      });
      open = true;
    }
    if (!reply.raw.destroyed) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  try {
    const result = await answer({
      onDelta: (delta) => {
        streamed = true;
        send("answer.delta", { delta });
      },
      signal: abort.signal,
    });
    if (!streamed) send("answer.delta", { delta: result.answer });
    send("citations", { citations: result.citations, warnings: result.warnings });
    send("done", result);
  } catch (error) {
    // A client that went away needs no answer; nothing was stored for it.
    if (abort.signal.aborted) return;
    if (!open) throw error;
    const appError = toAppError(error);
    if (appError.status >= 500) reply.log.error({ err: error }, "streamed answer failed");
    send("error", errorEnvelope(appError, reply.request.id));
  } finally {
    reply.raw.off("close", onClose);
    if (open && !reply.raw.writableEnded) reply.raw.end();
  }
}
