import { exampleForSchema } from "./json-schema.js";
import { countTokens, truncateTokens } from "./tokens.js";
import type { ReplyBehaviour, ToolCallSpec } from "./types.js";

/** What a protocol adapter extracts from its request to decide the reply. */
export interface GenerationRequest {
  /** Text of the last user (or tool-result) message. */
  lastUserText: string;
  maxTokens: number | undefined;
  stop: string[];
  /** "object" for json_object, a schema for json_schema, undefined for plain text. */
  responseFormat: "object" | { schema: unknown } | undefined;
  /** A tool the request forces (tool_choice naming a function, or required/any: the first tool). */
  forcedTool: { name: string; parameters: unknown } | undefined;
}

export type FinishReason = "stop" | "length" | "tool_calls" | "stop_sequence";

export interface GeneratedTurn {
  text: string;
  toolCalls: ToolCallSpec[];
  finish: FinishReason;
  stopSequence: string | null;
  completionTokens: number;
}

const ECHO_LIMIT = 40;

/** The default reply: quotes the prompt, so tests can see what reached the upstream. */
export function echoText(lastUserText: string): string {
  const quoted = truncateTokens(lastUserText.trim(), ECHO_LIMIT).trim();
  return quoted.length > 0 ? `You said: ${quoted}` : "Hello from the fake LLM.";
}

function baseText(behaviour: ReplyBehaviour, request: GenerationRequest): string {
  if (behaviour.text !== undefined) return behaviour.text;
  if (request.responseFormat === "object") return JSON.stringify({ answer: echoText(request.lastUserText) });
  if (request.responseFormat !== undefined)
    return JSON.stringify(exampleForSchema(request.responseFormat.schema));
  return echoText(request.lastUserText);
}

function scriptedOrForcedToolCalls(behaviour: ReplyBehaviour, request: GenerationRequest): ToolCallSpec[] {
  if (behaviour.toolCalls !== undefined) return behaviour.toolCalls;
  if (behaviour.text !== undefined || request.forcedTool === undefined) return [];
  const { name, parameters } = request.forcedTool;
  return [{ name, arguments: JSON.stringify(exampleForSchema(parameters) ?? {}) }];
}

export function generateTurn(behaviour: ReplyBehaviour, request: GenerationRequest): GeneratedTurn {
  const toolCalls = scriptedOrForcedToolCalls(behaviour, request);
  const toolTokens = toolCalls.reduce(
    (sum, call) => sum + countTokens(call.name) + countTokens(call.arguments),
    0,
  );
  if (toolCalls.length > 0) {
    const text = behaviour.text ?? "";
    return {
      text,
      toolCalls,
      finish: "tool_calls",
      stopSequence: null,
      completionTokens: countTokens(text) + toolTokens,
    };
  }
  let text = baseText(behaviour, request);
  let finish: FinishReason = "stop";
  let stopSequence: string | null = null;
  for (const stop of request.stop) {
    const at = stop.length > 0 ? text.indexOf(stop) : -1;
    if (at >= 0) {
      text = text.slice(0, at);
      finish = "stop_sequence";
      stopSequence = stop;
    }
  }
  if (request.maxTokens !== undefined && countTokens(text) > request.maxTokens) {
    text = truncateTokens(text, request.maxTokens);
    finish = "length";
    stopSequence = null;
  }
  return { text, toolCalls: [], finish, stopSequence, completionTokens: countTokens(text) };
}
