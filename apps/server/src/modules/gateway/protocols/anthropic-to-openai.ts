/**
 * An Anthropic Messages client served by an OpenAI Chat Completions upstream: the request going up
 * and the (non-stream) answer coming back. Streams: openai-stream-to-anthropic.ts.
 *
 * Parameter decisions:
 * - `system` (string or text blocks, joined by a blank line) → one leading system message.
 * - `stop_sequences` → `stop`; `metadata.user_id` → `user`; `max_tokens` → `max_completion_tokens`
 *   (or `max_tokens` for upstreams that only know the older name, see `maxTokensField`).
 * - `tool_choice` auto/any/tool/none → "auto"/"required"/{function}/"none";
 *   `disable_parallel_tool_use: true` → `parallel_tool_calls: false`.
 * - `stream: true` also asks for `stream_options: {include_usage: true}` so streams can be metered.
 * - Dropped (no OpenAI meaning): `cache_control`, `top_k`, `thinking`, `service_tier`, thinking
 *   blocks of earlier turns. Server tools (a `type` other than `custom`) → 400.
 */
import { anthropicMessagesToOpenAi } from "./anthropic-messages-to-openai.js";
import type {
  AnthropicMessageResponse,
  AnthropicRequest,
  AnthropicResponseBlock,
  AnthropicTool,
  AnthropicToolChoice,
} from "./anthropic-types.js";
import { ProtocolTranslationError } from "./errors.js";
import { openAiFinishToAnthropicStop } from "./finish-reasons.js";
import { anthropicMessageId } from "./ids.js";
import type {
  OpenAiChatCompletion,
  OpenAiChatRequest,
  OpenAiTool,
  OpenAiToolChoice,
} from "./openai-types.js";
import { unexpectedTag } from "./unexpected.js";
import { usageFromOpenAi, usageToAnthropic } from "./usage.js";

export interface AnthropicToOpenAiOptions {
  /** The model id the upstream knows. */
  upstreamModel: string;
  /**
   * `max_completion_tokens` (default) is what api.openai.com wants (reasoning models refuse
   * `max_tokens`); some OpenAI-compatible servers only understand `max_tokens`.
   */
  maxTokensField?: "max_completion_tokens" | "max_tokens";
}

function openAiTool(tool: AnthropicTool, index: number): OpenAiTool {
  if (tool?.type !== undefined && tool.type !== "custom") {
    throw new ProtocolTranslationError(
      `server tool ${tool.type} is not available on this model's upstream`,
      `tools[${index}]`,
    );
  }
  if (typeof tool?.name !== "string")
    throw new ProtocolTranslationError("tools need a name", `tools[${index}].name`);
  const fn: OpenAiTool["function"] = { name: tool.name, parameters: tool.input_schema };
  if (tool.description !== undefined) fn.description = tool.description;
  return { type: "function", function: fn };
}

function openAiToolChoice(choice: AnthropicToolChoice): OpenAiToolChoice {
  switch (choice.type) {
    case "auto":
      return "auto";
    case "any":
      return "required";
    case "tool":
      return { type: "function", function: { name: choice.name } };
    case "none":
      return "none";
    default:
      throw new ProtocolTranslationError(
        `unsupported tool_choice ${unexpectedTag(choice, "type")}`,
        "tool_choice",
      );
  }
}

export function anthropicRequestToOpenAi(
  req: AnthropicRequest,
  options: AnthropicToOpenAiOptions,
): OpenAiChatRequest {
  const out: OpenAiChatRequest = {
    model: options.upstreamModel,
    messages: anthropicMessagesToOpenAi(req.system, req.messages),
  };
  if (typeof req.max_tokens === "number")
    out[options.maxTokensField ?? "max_completion_tokens"] = req.max_tokens;
  if (typeof req.temperature === "number") out.temperature = req.temperature;
  if (typeof req.top_p === "number") out.top_p = req.top_p;
  if (Array.isArray(req.stop_sequences) && req.stop_sequences.length > 0) out.stop = req.stop_sequences;

  const tools = Array.isArray(req.tools) ? req.tools.map(openAiTool) : [];
  if (tools.length > 0) {
    out.tools = tools;
    if (req.tool_choice !== undefined && req.tool_choice !== null) {
      out.tool_choice = openAiToolChoice(req.tool_choice);
      if (
        "disable_parallel_tool_use" in req.tool_choice &&
        req.tool_choice.disable_parallel_tool_use === true
      ) {
        out.parallel_tool_calls = false;
      }
    }
  }
  const userId = req.metadata?.user_id;
  if (typeof userId === "string" && userId !== "") out.user = userId;
  if (req.stream === true) {
    out.stream = true;
    out.stream_options = { include_usage: true };
  }
  return out;
}

export interface OpenAiToAnthropicResponseOptions {
  /** The model name the client asked for (echoed as `model`). */
  model: string;
  /** The message id; defaults to one derived from the completion id. */
  messageId?: string;
}

/** Tool arguments as an object; text that is not a JSON object (a truncated call) becomes {}. */
export function parseToolInput(argumentsJson: string | undefined): Record<string, unknown> {
  if (argumentsJson === undefined || argumentsJson.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(argumentsJson);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function openAiResponseToAnthropic(
  resp: OpenAiChatCompletion,
  options: OpenAiToAnthropicResponseOptions,
): AnthropicMessageResponse {
  const choice = resp.choices?.[0];
  const message = choice?.message;
  const content: AnthropicResponseBlock[] = [];
  const text = typeof message?.content === "string" ? message.content : "";
  const refusal = typeof message?.refusal === "string" ? message.refusal : "";
  if (text !== "") content.push({ type: "text", text });
  if (refusal !== "") content.push({ type: "text", text: refusal });
  for (const call of message?.tool_calls ?? []) {
    content.push({
      type: "tool_use",
      id: call.id,
      name: call.function?.name ?? "",
      input: parseToolInput(call.function?.arguments),
    });
  }
  // SDK users read content[0].text; an empty answer is one empty text block, as Anthropic sends it.
  if (content.length === 0) content.push({ type: "text", text: "" });
  const stopReason = refusal !== "" ? "refusal" : openAiFinishToAnthropicStop(choice?.finish_reason ?? null);
  return {
    id: options.messageId ?? anthropicMessageId(resp.id),
    type: "message",
    role: "assistant",
    model: options.model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: usageToAnthropic(usageFromOpenAi(resp.usage)),
  };
}
