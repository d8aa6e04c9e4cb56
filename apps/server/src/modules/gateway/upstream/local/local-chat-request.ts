import type { ChatHistoryItem } from "node-llama-cpp";
import { UpstreamFailure } from "../upstream-failure.js";

/** An OpenAI chat request, as a local model runs it. */
export interface LocalChatRequest {
  /** Echoed in the answer, as an OpenAI server does. */
  readonly model: string;
  /** The conversation, ending with the model's turn (empty, or an assistant prefill to continue). */
  readonly history: ChatHistoryItem[];
  /** `max_completion_tokens` or `max_tokens`; null: whatever the context has room for. */
  readonly maxTokens: number | null;
  readonly temperature: number;
  readonly topP: number | null;
  readonly seed: number | null;
  readonly stop: readonly string[];
  readonly frequencyPenalty: number | null;
  readonly presencePenalty: number | null;
  /** `response_format: {type: "json_object"}`: output constrained to JSON by a grammar. */
  readonly json: boolean;
  readonly stream: boolean;
  /** `stream_options.include_usage`. */
  readonly streamUsage: boolean;
}

/** OpenAI's default sampling temperature, so clients written for OpenAI behave alike. */
const defaultTemperature = 1;

/**
 * Reads the OpenAI body the gateway sends upstream. What a local model cannot do (tools, images,
 * `n` > 1, log probabilities, JSON schemas) is refused with a 400 in OpenAI's error shape, which
 * the gateway relays in the caller's protocol.
 */
export function parseLocalChatRequest(body: string): LocalChatRequest {
  let fields: Record<string, unknown>;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    fields = parsed as Record<string, unknown>;
  } catch {
    throw invalidRequest("The request body must be a JSON object", null);
  }
  if (Array.isArray(fields.tools) && fields.tools.length > 0)
    throw invalidRequest("Local models do not support tools", "tools");
  if (Array.isArray(fields.functions) && fields.functions.length > 0)
    throw invalidRequest("Local models do not support functions", "functions");
  if (fields.n !== undefined && fields.n !== null && fields.n !== 1)
    throw invalidRequest("Local models generate one choice per request (n must be 1)", "n");
  if (fields.logprobs === true) throw invalidRequest("Local models do not return logprobs", "logprobs");
  const stop = stopSequences(fields.stop);
  return {
    model: typeof fields.model === "string" ? fields.model : "local",
    history: historyOf(fields.messages),
    maxTokens: optionalNumber(fields.max_completion_tokens ?? fields.max_tokens, "max_tokens", 1, 1e9, true),
    temperature: optionalNumber(fields.temperature, "temperature", 0, 2, false) ?? defaultTemperature,
    topP: optionalNumber(fields.top_p, "top_p", 0, 1, false),
    seed: optionalNumber(fields.seed, "seed", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true),
    stop,
    frequencyPenalty: optionalNumber(fields.frequency_penalty, "frequency_penalty", -2, 2, false),
    presencePenalty: optionalNumber(fields.presence_penalty, "presence_penalty", -2, 2, false),
    json: jsonOutput(fields.response_format),
    stream: fields.stream === true,
    streamUsage:
      (fields.stream_options as { include_usage?: unknown } | null | undefined)?.include_usage === true,
  };
}

/** A 400 in OpenAI's error shape (the gateway relays it, translated for Anthropic callers). */
export function invalidRequest(message: string, param: string | null, code: string | null = null) {
  const body = JSON.stringify({ error: { message, type: "invalid_request_error", param, code } });
  return new UpstreamFailure("client_error", message, { status: 400, body, protocol: "openai" });
}

function historyOf(messages: unknown): ChatHistoryItem[] {
  if (!Array.isArray(messages) || messages.length === 0)
    throw invalidRequest("messages must be a non-empty array", "messages");
  const history: ChatHistoryItem[] = [];
  for (const [index, item] of messages.entries()) {
    const message = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
    const text = textOf(message.content, `messages[${index}].content`);
    switch (message.role) {
      case "system":
      case "developer":
        if (text) history.push({ type: "system", text });
        break;
      case "user":
        history.push({ type: "user", text });
        break;
      case "assistant": {
        const calls = Array.isArray(message.tool_calls) ? JSON.stringify(message.tool_calls) : "";
        history.push({ type: "model", response: [[text, calls].filter(Boolean).join("\n")] });
        break;
      }
      case "tool":
      case "function":
        // Without tool support a tool result can only be shown to the model as text.
        history.push({ type: "user", text: `Tool result: ${text}` });
        break;
      default:
        throw invalidRequest(`messages[${index}].role is not a known role`, `messages[${index}].role`);
    }
  }
  // The model answers after the last message; a trailing assistant message is continued (prefill).
  if (history.at(-1)?.type !== "model") history.push({ type: "model", response: [] });
  return history;
}

function textOf(content: unknown, param: string): string {
  if (content === null || content === undefined) return "";
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) throw invalidRequest(`${param} must be a string or an array of parts`, param);
  const texts: string[] = [];
  for (const part of content) {
    const p = (part && typeof part === "object" ? part : {}) as Record<string, unknown>;
    if (p.type === "text" && typeof p.text === "string") texts.push(p.text);
    else if (typeof p.text === "string" && p.type === undefined) texts.push(p.text);
    else throw invalidRequest(`Local models take text only (${param} has a ${String(p.type)} part)`, param);
  }
  return texts.join("\n");
}

function stopSequences(stop: unknown): string[] {
  if (stop === undefined || stop === null) return [];
  const list = typeof stop === "string" ? [stop] : stop;
  if (!Array.isArray(list) || list.length > 4 || !list.every((s) => typeof s === "string" && s.length > 0))
    throw invalidRequest("stop must be a non-empty string or up to 4 of them", "stop");
  return list as string[];
}

function jsonOutput(format: unknown): boolean {
  if (format === undefined || format === null) return false;
  const type = (format as { type?: unknown }).type;
  if (type === "text") return false;
  if (type === "json_object") return true;
  throw invalidRequest(`Local models do not support response_format ${String(type)}`, "response_format");
}

function optionalNumber(
  value: unknown,
  param: string,
  min: number,
  max: number,
  integer: boolean,
): number | null {
  if (value === undefined || value === null) return null;
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok)
    throw invalidRequest(
      `${param} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}`,
      param,
    );
  return value;
}
