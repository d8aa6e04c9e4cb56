import { formatSse, OPENAI_DONE_SSE } from "../../protocols/index.js";
import type { UpstreamBody, UpstreamRequest, UpstreamResponse } from "../upstream-client.js";
import { UpstreamFailure } from "../upstream-failure.js";
import { FrameQueue } from "./frame-queue.js";
import {
  completionBudget,
  countPromptTokens,
  generateLocalChat,
  type LocalGeneration,
} from "./generate-local-chat.js";
import { type LocalChatRequest, parseLocalChatRequest } from "./local-chat-request.js";
import { LocalModelPool } from "./local-model-pool.js";
import { OpenAiAnswer } from "./openai-shapes.js";

const jsonHeaders = { "content-type": "application/json" };
const sseHeaders = { "content-type": "text/event-stream" };

/**
 * A `local` provider as an upstream: it takes the OpenAI request the gateway would send over HTTP
 * and answers with the bytes an OpenAI-compatible server would (a JSON completion, or SSE chunks
 * ending with a usage chunk and `[DONE]`), generated in-process by node-llama-cpp.
 */
export class LocalUpstream {
  constructor(private readonly pool: LocalModelPool = new LocalModelPool()) {}

  /**
   * Loads the model if needed, checks the prompt fits, waits for a free sequence (at most the
   * provider's timeout), then starts generating. A refused request is a 400 in OpenAI's shape.
   */
  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const chat = parseLocalChatRequest(request.body);
    if (!request.modelPath) {
      throw new UpstreamFailure("server_error", `${request.provider.name}: the deployment has no model_path`);
    }
    const signal = request.signal ?? new AbortController().signal;
    const loaded = await this.pool.load(request.provider, request.modelPath, signal);
    const promptTokens = countPromptTokens(loaded, chat.history);
    const maxTokens = completionBudget(loaded, promptTokens, chat.maxTokens);
    const lease = await this.pool.lease(loaded, signal, request.timeoutMs);
    const answer = new OpenAiAnswer(chat.model);
    const start = (generationSignal: AbortSignal, onText?: (text: string) => void) =>
      generateLocalChat({
        loaded,
        lease,
        request: chat,
        promptTokens,
        maxTokens,
        signal: generationSignal,
        onText,
      }).finally(() => lease.release());
    if (!chat.stream) {
      return { status: 200, headers: jsonHeaders, body: jsonBody(start(signal), answer) };
    }
    return { status: 200, headers: sseHeaders, body: streamBody(start, signal, chat, answer) };
  }

  /** Disposes the loaded models (the gateway module's close). */
  close(): Promise<void> {
    return this.pool.close();
  }
}

function jsonBody(generation: Promise<LocalGeneration>, answer: OpenAiAnswer): UpstreamBody {
  // Read by `text()`; kept from surfacing as an unhandled rejection when nobody reads it.
  generation.catch(() => {});
  const text = async () => {
    const result = await generation;
    if (result.finishReason === "cancelled") throw cancelled();
    return JSON.stringify(answer.completion(result));
  };
  return {
    text,
    async *[Symbol.asyncIterator]() {
      yield await text();
    },
  };
}

/**
 * SSE frames as they are generated. When the caller goes away the generation stops and the usage
 * of what was generated is still sent before the stream fails, so metering bills it; when the
 * reader stops early, the generation is stopped too.
 */
function streamBody(
  start: (signal: AbortSignal, onText: (text: string) => void) => Promise<LocalGeneration>,
  callerSignal: AbortSignal,
  chat: LocalChatRequest,
  answer: OpenAiAnswer,
): UpstreamBody {
  const stop = new AbortController();
  const onCallerAbort = () => stop.abort(callerSignal.reason);
  if (callerSignal.aborted) onCallerAbort();
  else callerSignal.addEventListener("abort", onCallerAbort, { once: true });
  const queue = new FrameQueue();
  queue.push(formatSse(answer.roleChunk()));
  start(stop.signal, (text) => queue.push(formatSse(answer.textChunk(text))))
    .then(
      (result) => {
        if (result.finishReason === "cancelled") {
          // The caller is gone; the usage still reaches the gateway's metering, then the stream fails.
          queue.push(formatSse(answer.usageChunk(result)));
          queue.fail(cancelled());
          return;
        }
        queue.push(formatSse(answer.finishChunk(result)));
        if (chat.streamUsage) queue.push(formatSse(answer.usageChunk(result)));
        queue.push(OPENAI_DONE_SSE);
        queue.end();
      },
      (error: unknown) => queue.fail(error),
    )
    .finally(() => callerSignal.removeEventListener("abort", onCallerAbort));
  const frames = async function* () {
    try {
      yield* queue;
    } finally {
      stop.abort();
    }
  };
  return {
    [Symbol.asyncIterator]: frames,
    async text() {
      let all = "";
      for await (const frame of frames()) all += frame;
      return all;
    },
  };
}

function cancelled(): UpstreamFailure {
  return new UpstreamFailure("timeout", "The local generation was cancelled");
}
