import { ApiError } from "../../../api/api-error";
import type { ServerSentEvent } from "../../../api/sse";

/** What the gateway adds to the last chunk of a stream (or to a whole completion): how it was routed. */
export interface RouterMetadata {
  readonly provider?: string;
  /** The upstream model that served the call. */
  readonly model?: string;
  readonly deployment_id?: string;
  readonly routing_reason?: readonly string[];
  readonly estimated_cost?: number;
  readonly actual_cost?: number;
  readonly processing_time?: number;
  readonly provider_latency?: number;
  readonly overhead_ms?: number;
  readonly request_id?: string;
  readonly attempt_count?: number;
  readonly failed_providers?: readonly string[];
  readonly fallback_used?: boolean;
  readonly retry_delays?: readonly number[];
  readonly total_retry_time?: number;
}

export interface ChatUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
}

/** What a streamed completion ended with, besides its text. */
export interface ChatStreamResult {
  readonly text: string;
  /** The model name the response reports (the name or alias that was requested). */
  readonly model: string | null;
  readonly finishReason: string | null;
  readonly usage: ChatUsage | null;
  readonly routerMetadata: RouterMetadata | null;
  /** False when the stream ended without `[DONE]` (stopped or cut off). */
  readonly completed: boolean;
}

interface ChunkShape {
  model?: string;
  choices?: Array<{ delta?: { content?: string | null }; finish_reason?: string | null }>;
  usage?: ChatUsage | null;
  router_metadata?: RouterMetadata;
  error?: { message?: string; type?: string; code?: string | null };
}

/**
 * Reads an OpenAI chat-completion stream: `data:` chunks until `data: [DONE]`. Text goes to
 * `onText` as it arrives; usage and the router's metadata ride on the last chunks. An error frame
 * in the middle of the stream (the provider failed after it began) is thrown as an ApiError.
 */
export async function readChatStream(
  events: AsyncIterable<ServerSentEvent>,
  onText: (text: string) => void,
): Promise<ChatStreamResult> {
  let text = "";
  let model: string | null = null;
  let finishReason: string | null = null;
  let usage: ChatUsage | null = null;
  let routerMetadata: RouterMetadata | null = null;
  for await (const event of events) {
    if (event.data === "[DONE]") return { text, model, finishReason, usage, routerMetadata, completed: true };
    let chunk: ChunkShape;
    try {
      chunk = JSON.parse(event.data) as ChunkShape;
    } catch {
      continue; // Not JSON (a keep-alive or an unknown frame): nothing to show.
    }
    if (chunk.error) {
      throw new ApiError(
        200,
        chunk.error.code ?? chunk.error.type ?? "stream_error",
        chunk.error.message ?? "The stream failed",
      );
    }
    if (chunk.model) model = chunk.model;
    const choice = chunk.choices?.[0];
    const delta = choice?.delta?.content;
    if (typeof delta === "string" && delta.length > 0) {
      text += delta;
      onText(text);
    }
    if (choice?.finish_reason) finishReason = choice.finish_reason;
    if (chunk.usage) usage = chunk.usage;
    if (chunk.router_metadata) routerMetadata = chunk.router_metadata;
  }
  return { text, model, finishReason, usage, routerMetadata, completed: false };
}
