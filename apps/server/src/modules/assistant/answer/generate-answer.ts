import type { ContentCaller } from "../../content/index.js";
import type { OpenAiMessage } from "../../gateway/index.js";
import { StreamAnswerFilter } from "../citations/stream-answer-filter.js";
import type { AssistantChat } from "../deps.js";
import { asPlatformError } from "./gateway-errors.js";
import type { UsageTally } from "./usage-tally.js";

export interface GenerationRequest {
  readonly messages: OpenAiMessage[];
  readonly maxTokens: number;
  readonly model: string | undefined;
  /** Streamed answers: called with each newly visible piece of the answer. */
  readonly onDelta?: ((delta: string) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly requestId?: string | undefined;
}

export interface Generation {
  /** The model's whole text, quotes block included. */
  readonly text: string;
  readonly model: string | null;
  readonly routerMetadata: Record<string, unknown> | null;
}

/** One answer from the model through the gateway, streamed or not; usage goes to `tally`. */
export async function generateAnswer(
  chat: AssistantChat,
  caller: ContentCaller,
  request: GenerationRequest,
  tally: UsageTally,
): Promise<Generation> {
  const call = {
    caller,
    body: {
      model: request.model ?? "auto",
      messages: request.messages,
      max_tokens: request.maxTokens,
      temperature: 0,
    },
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.requestId ? { requestId: request.requestId } : {}),
  };
  try {
    if (!request.onDelta) {
      const completion = await chat.complete(call);
      const routerMetadata = completion.router_metadata ?? null;
      tally.add(completion.usage, routerMetadata);
      const content = completion.choices[0]?.message.content ?? "";
      return { text: content, model: modelOf(routerMetadata, completion.model), routerMetadata };
    }
    const stream = await chat.stream(call);
    const filter = new StreamAnswerFilter();
    let text = "";
    let model: string | null = null;
    for await (const chunk of stream.chunks) {
      model ??= chunk.model ?? null;
      const delta = chunk.choices[0]?.delta?.content;
      if (typeof delta !== "string" || delta.length === 0) continue;
      text += delta;
      const visible = filter.push(delta);
      if (visible.length > 0) request.onDelta(visible);
    }
    const { usage, routerMetadata } = stream.summary();
    tally.add(usage, routerMetadata);
    return { text, model: modelOf(routerMetadata, model), routerMetadata };
  } catch (error) {
    throw asPlatformError(error);
  }
}

function modelOf(routerMetadata: Record<string, unknown> | null, fallback: string | null): string | null {
  const routed = routerMetadata?.model;
  return typeof routed === "string" ? routed : fallback;
}
