/** Why a turn ended, in each protocol's words. */
import type { AnthropicStopReason } from "./anthropic-types.js";
import type { OpenAiFinishReason } from "./openai-types.js";
import { unexpected } from "./unexpected.js";

export function anthropicStopToOpenAiFinish(stop: AnthropicStopReason | null): OpenAiFinishReason {
  switch (stop) {
    case null:
    case "end_turn":
    case "stop_sequence":
    // pause_turn: a server tool paused a long turn; for an OpenAI client the turn simply ended.
    case "pause_turn":
      return "stop";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_calls";
    case "refusal":
      return "content_filter";
    default:
      return unexpected(stop, "stop");
  }
}

/**
 * OpenAI's `stop` covers both a natural end and a matched stop sequence without saying which, so
 * it becomes `end_turn` (with `stop_sequence: null`).
 */
export function openAiFinishToAnthropicStop(finish: OpenAiFinishReason | null): AnthropicStopReason {
  switch (finish) {
    case null:
    case "stop":
      return "end_turn";
    case "length":
      return "max_tokens";
    case "tool_calls":
    case "function_call":
      return "tool_use";
    case "content_filter":
      return "refusal";
    default:
      return unexpected(finish, "end_turn");
  }
}
