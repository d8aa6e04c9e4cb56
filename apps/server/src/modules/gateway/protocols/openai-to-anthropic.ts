/**
 * An OpenAI Chat Completions client served by an Anthropic Messages upstream: the request going up
 * and the (non-stream) answer coming back. Streams: anthropic-stream-to-openai.ts.
 *
 * Parameter decisions (no exact Anthropic equivalent):
 * - `temperature` is clamped to Anthropic's 0–1 (OpenAI allows 0–2); values above 1 become 1.
 * - `top_p: 1` is dropped (a no-op in both protocols; newer Claude models refuse temperature and
 *   top_p together); other values pass.
 * - `max_completion_tokens` wins over `max_tokens`; neither → `defaultMaxTokens` (Anthropic requires it).
 * - `stop` entries that are empty or whitespace only are dropped (Anthropic refuses them).
 * - `n` other than 1 → 400 `invalid_request_error` (Anthropic answers with one choice).
 * - Legacy `functions` / `function_call` / `function` messages → 400 (use tools).
 * - Ignored, as an upstream without the feature would: `seed`, `logprobs`, `top_logprobs`,
 *   `frequency_penalty`, `presence_penalty`, `logit_bias`, `service_tier`, `store`, `metadata`,
 *   `stream_options` (the stream translator uses it), `reasoning_effort`, `modalities`, message `name`.
 * - `parallel_tool_calls: false` → `disable_parallel_tool_use: true` on the tool choice.
 * - `response_format` json_schema → a tool named after the schema, forced with
 *   `tool_choice {type:"tool"}`; its input comes back as the message content (finish `stop`). Other
 *   tools stay declared but cannot be chosen on that turn. json_object → a system instruction.
 */
import type {
  AnthropicMessageResponse,
  AnthropicRequest,
  AnthropicTextBlock,
  AnthropicTool,
  AnthropicToolChoice,
} from "./anthropic-types.js";
import { ProtocolTranslationError } from "./errors.js";
import { anthropicStopToOpenAiFinish } from "./finish-reasons.js";
import { openAiCompletionId } from "./ids.js";
import { openAiMessagesToAnthropic } from "./openai-messages-to-anthropic.js";
import type {
  OpenAiChatCompletion,
  OpenAiChatRequest,
  OpenAiResponseFormat,
  OpenAiTool,
  OpenAiToolCall,
  OpenAiToolChoice,
} from "./openai-types.js";
import { unexpected, unexpectedTag } from "./unexpected.js";
import { usageFromAnthropic, usageToOpenAi } from "./usage.js";

export interface OpenAiToAnthropicOptions {
  /** The model id the upstream knows (the client's model name is resolved by the gateway). */
  upstreamModel: string;
  /** Used when the client sets neither max_tokens nor max_completion_tokens. */
  defaultMaxTokens: number;
}

/** Appended to the system prompt for `response_format: {type: "json_object"}`. */
export const JSON_OBJECT_INSTRUCTION =
  "Respond with a single valid JSON object only: no prose, no Markdown code fences.";

const MAX_ANTHROPIC_TEMPERATURE = 1;

/** Anthropic requires an object schema; a tool without parameters takes an empty object. */
const EMPTY_OBJECT_SCHEMA: Record<string, unknown> = { type: "object", properties: {} };

function anthropicTool(tool: OpenAiTool, index: number): AnthropicTool {
  if (tool?.type !== "function" || typeof tool.function?.name !== "string") {
    throw new ProtocolTranslationError("only function tools are supported", `tools[${index}]`);
  }
  const fn = tool.function;
  const converted: AnthropicTool = { name: fn.name, input_schema: fn.parameters ?? EMPTY_OBJECT_SCHEMA };
  if (fn.description !== undefined) converted.description = fn.description;
  return converted;
}

function anthropicToolChoice(
  choice: OpenAiToolChoice | undefined,
  parallelToolCalls: boolean | undefined,
): AnthropicToolChoice | undefined {
  const disableParallel = parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
  if (choice === undefined || choice === null) {
    return parallelToolCalls === false ? { type: "auto", ...disableParallel } : undefined;
  }
  if (typeof choice === "object") {
    if (choice.type !== "function" || typeof choice.function?.name !== "string") {
      throw new ProtocolTranslationError("tool_choice must name a function", "tool_choice");
    }
    return { type: "tool", name: choice.function.name, ...disableParallel };
  }
  switch (choice) {
    case "auto":
      return { type: "auto", ...disableParallel };
    case "none":
      return { type: "none" };
    case "required":
      return { type: "any", ...disableParallel };
    default:
      throw new ProtocolTranslationError(
        `unsupported tool_choice ${String(unexpected(choice, choice))}`,
        "tool_choice",
      );
  }
}

/** The tool that stands in for `response_format: json_schema`, or undefined without one. */
export function structuredOutputToolName(req: OpenAiChatRequest): string | undefined {
  const format = req.response_format;
  return format?.type === "json_schema" ? format.json_schema?.name : undefined;
}

function structuredOutputTool(format: OpenAiResponseFormat & { type: "json_schema" }): AnthropicTool {
  const schema = format.json_schema;
  if (typeof schema?.name !== "string" || schema.name === "") {
    throw new ProtocolTranslationError("json_schema.name is required", "response_format.json_schema.name");
  }
  return {
    name: schema.name,
    description:
      schema.description ?? "Give the final answer as this tool's input, matching its schema exactly.",
    input_schema: schema.schema ?? EMPTY_OBJECT_SCHEMA,
  };
}

function stopSequences(stop: OpenAiChatRequest["stop"]): string[] {
  const list = typeof stop === "string" ? [stop] : Array.isArray(stop) ? stop : [];
  return list.filter((item) => typeof item === "string" && item.trim() !== "");
}

function systemPrompt(blocks: AnthropicTextBlock[], extra: string | undefined): AnthropicRequest["system"] {
  const all = extra === undefined ? blocks : [...blocks, { type: "text" as const, text: extra }];
  if (all.length === 0) return undefined;
  const only = all.length === 1 ? all[0] : undefined;
  return only !== undefined && only.cache_control === undefined ? only.text : all;
}

function rejectUnsupported(req: OpenAiChatRequest): void {
  if (req.n != null && req.n !== 1) {
    throw new ProtocolTranslationError("n must be 1: this model's upstream returns a single choice", "n");
  }
  if (req.functions !== undefined || req.function_call !== undefined) {
    const param = req.functions !== undefined ? "functions" : "function_call";
    throw new ProtocolTranslationError("legacy function calling is not supported; use tools", param);
  }
}

export function openAiRequestToAnthropic(
  req: OpenAiChatRequest,
  options: OpenAiToAnthropicOptions,
): AnthropicRequest {
  rejectUnsupported(req);
  const conversation = openAiMessagesToAnthropic(req.messages);
  const format = req.response_format;
  const out: AnthropicRequest = {
    model: options.upstreamModel,
    messages: conversation.messages,
    max_tokens: req.max_completion_tokens ?? req.max_tokens ?? options.defaultMaxTokens,
  };
  const system = systemPrompt(
    conversation.system,
    format?.type === "json_object" ? JSON_OBJECT_INSTRUCTION : undefined,
  );
  if (system !== undefined) out.system = system;

  const stop = stopSequences(req.stop);
  if (stop.length > 0) out.stop_sequences = stop;
  if (typeof req.temperature === "number") {
    out.temperature = Math.min(Math.max(req.temperature, 0), MAX_ANTHROPIC_TEMPERATURE);
  }
  if (typeof req.top_p === "number" && req.top_p !== 1) out.top_p = req.top_p;

  const tools = Array.isArray(req.tools) ? req.tools.map(anthropicTool) : [];
  let toolChoice =
    tools.length > 0 ? anthropicToolChoice(req.tool_choice, req.parallel_tool_calls) : undefined;
  if (format?.type === "json_schema") {
    const forced = structuredOutputTool(format);
    if (tools.some((tool) => tool.name === forced.name)) {
      throw new ProtocolTranslationError(
        "json_schema.name must differ from every tool name",
        "response_format.json_schema.name",
      );
    }
    tools.push(forced);
    toolChoice = { type: "tool", name: forced.name };
  } else if (
    format !== undefined &&
    format !== null &&
    format.type !== "text" &&
    format.type !== "json_object"
  ) {
    throw new ProtocolTranslationError(
      `unsupported response_format type ${unexpectedTag(format, "type")}`,
      "response_format.type",
    );
  }
  if (tools.length > 0) out.tools = tools;
  if (toolChoice !== undefined) out.tool_choice = toolChoice;

  if (typeof req.user === "string" && req.user !== "") out.metadata = { user_id: req.user };
  if (req.stream === true) out.stream = true;
  return out;
}

export interface AnthropicToOpenAiResponseOptions {
  /** The model name the client asked for (echoed as `model`). */
  model: string;
  /** The chat.completion id; defaults to one derived from the Anthropic message id. */
  requestId?: string;
  /** Unix seconds; defaults to now. */
  created?: number;
  /** `structuredOutputToolName(request)`: that tool's input becomes the message content. */
  structuredOutputTool?: string;
}

export function anthropicResponseToOpenAi(
  resp: AnthropicMessageResponse,
  options: AnthropicToOpenAiResponseOptions,
): OpenAiChatCompletion {
  let text = "";
  let structured: string | undefined;
  const toolCalls: OpenAiToolCall[] = [];
  for (const block of resp.content ?? []) {
    switch (block.type) {
      case "text":
        text += block.text;
        break;
      case "tool_use":
        if (block.name === options.structuredOutputTool) {
          structured = JSON.stringify(block.input ?? {});
        } else {
          toolCalls.push({
            id: block.id,
            type: "function",
            function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
          });
        }
        break;
      case "thinking":
      case "redacted_thinking":
        // Chat Completions has no place for Anthropic's reasoning blocks.
        break;
      default:
        // Server-tool blocks and future types carry nothing an OpenAI client could use.
        unexpected(block, undefined);
    }
  }
  const structuredOnly = structured !== undefined && toolCalls.length === 0;
  const finishReason = structuredOnly ? "stop" : anthropicStopToOpenAiFinish(resp.stop_reason);
  // When the schema tool answered, any text around it is commentary, not the JSON asked for.
  const content = structured ?? (text === "" && toolCalls.length > 0 ? null : text);
  return {
    id: options.requestId ?? openAiCompletionId(resp.id),
    object: "chat.completion",
    created: options.created ?? Math.floor(Date.now() / 1000),
    model: options.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content,
          refusal: null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage: usageToOpenAi(usageFromAnthropic(resp.usage)),
  };
}
