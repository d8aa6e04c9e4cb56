import type { FinishReason, GeneratedTurn } from "./generate.js";
import type { IdSource } from "./http-io.js";
import type { OpenAiChatRequest } from "./openai-request.js";
import type { UsageOverride } from "./types.js";

export const SYSTEM_FINGERPRINT = "fp_fakellm0001";

export function openAiFinishReason(finish: FinishReason): "stop" | "length" | "tool_calls" {
  return finish === "stop_sequence" ? "stop" : finish;
}

/** Usage block shared by the non-stream answer and the stream's final usage chunk. */
export function openAiUsage(request: OpenAiChatRequest, turn: GeneratedTurn, override: UsageOverride = {}) {
  const promptTokens = override.promptTokens ?? request.promptTokens;
  const completionTokens = override.completionTokens ?? turn.completionTokens * request.n;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: override.cachedTokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: override.reasoningTokens ?? 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

export function toolCallIds(turn: GeneratedTurn, ids: IdSource): string[] {
  return turn.toolCalls.map(() => ids.next("call_"));
}

export function chatCompletion(
  request: OpenAiChatRequest,
  turn: GeneratedTurn,
  ids: IdSource,
  override: UsageOverride | undefined,
) {
  const callIds = toolCallIds(turn, ids);
  const message = {
    role: "assistant",
    content: turn.toolCalls.length > 0 && turn.text === "" ? null : turn.text,
    refusal: null,
    annotations: [],
    ...(turn.toolCalls.length > 0
      ? {
          tool_calls: turn.toolCalls.map((call, index) => ({
            id: callIds[index],
            type: "function",
            function: { name: call.name, arguments: call.arguments },
          })),
        }
      : {}),
  };
  return {
    id: ids.next("chatcmpl-"),
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: Array.from({ length: request.n }, (_, index) => ({
      index,
      message,
      logprobs: null,
      finish_reason: openAiFinishReason(turn.finish),
    })),
    usage: openAiUsage(request, turn, override),
    service_tier: "default",
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}
