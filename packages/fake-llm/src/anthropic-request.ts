import { anthropicError } from "./anthropic-errors.js";
import type { GenerationRequest } from "./generate.js";
import { asArray, asNumber, asObject, asString, type JsonReply } from "./http-io.js";
import { collectText, countPromptTokens } from "./tokens.js";

export interface AnthropicMessagesRequest {
  model: string;
  stream: boolean;
  promptTokens: number;
  generation: GenerationRequest;
}

function lastUserText(messages: unknown[]): string {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = asObject(messages[i]);
    if (message?.role === "user") return collectText(message.content).join(" ");
  }
  return "";
}

function toolOf(tool: unknown): { name: string; parameters: unknown } | undefined {
  const name = asString(asObject(tool)?.name);
  return name === undefined ? undefined : { name, parameters: asObject(tool)?.input_schema ?? {} };
}

/** Like the OpenAI side, a tool is called unprompted only when tool_choice is `any` or names it. */
function forcedTool(tools: unknown[], toolChoice: unknown): GenerationRequest["forcedTool"] {
  const declared = tools.map(toolOf).filter((tool) => tool !== undefined);
  const choice = asObject(toolChoice);
  if (choice?.type === "any") return declared[0];
  if (choice?.type === "tool") return declared.find((tool) => tool.name === choice.name);
  return undefined;
}

function fieldRequired(field: string): { ok: false; reply: JsonReply } {
  return { ok: false, reply: anthropicError(400, { message: `${field}: Field required` }) };
}

/** Prompt tokens for /v1/messages and /v1/messages/count_tokens (system and tools included). */
export function anthropicPromptTokens(body: Record<string, unknown>, messages: unknown[]): number {
  return countPromptTokens(messages, [body.system, asArray(body.tools) ?? []]);
}

export function parseAnthropicMessages(
  raw: unknown,
): { ok: true; request: AnthropicMessagesRequest } | { ok: false; reply: JsonReply } {
  const body = asObject(raw);
  if (body === undefined) return { ok: false, reply: anthropicError(400, { message: "body: Invalid JSON" }) };
  const model = asString(body.model);
  const messages = asArray(body.messages);
  const maxTokens = asNumber(body.max_tokens);
  if (model === undefined) return fieldRequired("model");
  if (messages === undefined) return fieldRequired("messages");
  if (maxTokens === undefined) return fieldRequired("max_tokens");
  const tools = asArray(body.tools) ?? [];
  return {
    ok: true,
    request: {
      model,
      stream: body.stream === true,
      promptTokens: anthropicPromptTokens(body, messages),
      generation: {
        lastUserText: lastUserText(messages),
        maxTokens,
        stop: (asArray(body.stop_sequences) ?? []).filter((item): item is string => typeof item === "string"),
        responseFormat: undefined,
        forcedTool: forcedTool(tools, body.tool_choice),
      },
    },
  };
}
