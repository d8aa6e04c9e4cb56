import type { AnthropicMessagesRequest } from "./anthropic-request.js";
import type { FinishReason, GeneratedTurn } from "./generate.js";
import type { IdSource } from "./http-io.js";
import type { UsageOverride } from "./types.js";

type StopReason = "end_turn" | "max_tokens" | "tool_use" | "stop_sequence";

export function anthropicStopReason(finish: FinishReason): StopReason {
  switch (finish) {
    case "stop":
      return "end_turn";
    case "length":
      return "max_tokens";
    case "tool_calls":
      return "tool_use";
    case "stop_sequence":
      return "stop_sequence";
  }
}

export type ContentBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: unknown };

function parseInput(argumentsJson: string): unknown {
  try {
    return JSON.parse(argumentsJson);
  } catch {
    return {};
  }
}

/** Text first (when there is any, or when it is the only block), then one tool_use block per call. */
export function contentBlocks(turn: GeneratedTurn, ids: IdSource): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  if (turn.text !== "" || turn.toolCalls.length === 0) blocks.push({ type: "text", text: turn.text });
  for (const call of turn.toolCalls) {
    blocks.push({
      type: "tool_use",
      id: ids.next("toolu_"),
      name: call.name,
      input: parseInput(call.arguments),
    });
  }
  return blocks;
}

/** input_tokens is the uncached part of the prompt, as Anthropic reports it; cache reads are separate. */
export function anthropicUsage(
  request: AnthropicMessagesRequest,
  turn: GeneratedTurn,
  override: UsageOverride = {},
  outputTokens: number = override.completionTokens ?? turn.completionTokens,
) {
  const cacheCreation = override.cacheCreationTokens ?? 0;
  return {
    input_tokens: override.promptTokens ?? request.promptTokens,
    cache_creation_input_tokens: cacheCreation,
    cache_read_input_tokens: override.cachedTokens ?? 0,
    cache_creation: { ephemeral_5m_input_tokens: cacheCreation, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: "standard",
  };
}

export function anthropicMessage(
  request: AnthropicMessagesRequest,
  turn: GeneratedTurn,
  ids: IdSource,
  override: UsageOverride | undefined,
) {
  return {
    id: ids.next("msg_"),
    type: "message",
    role: "assistant",
    model: request.model,
    content: contentBlocks(turn, ids),
    stop_reason: anthropicStopReason(turn.finish),
    stop_sequence: turn.stopSequence,
    usage: anthropicUsage(request, turn, override),
  };
}
