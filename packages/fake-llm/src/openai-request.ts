import type { GenerationRequest } from "./generate.js";
import { asArray, asNumber, asObject, asString, type JsonReply } from "./http-io.js";
import { openAiError } from "./openai-errors.js";
import { collectText, countPromptTokens } from "./tokens.js";

export interface OpenAiChatRequest {
  model: string;
  n: number;
  stream: boolean;
  includeUsage: boolean;
  promptTokens: number;
  generation: GenerationRequest;
}

function lastUserText(messages: unknown[]): string {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = asObject(messages[i]);
    if (message?.role === "user" || message?.role === "tool") return collectText(message.content).join(" ");
  }
  return "";
}

function stopSequences(stop: unknown): string[] {
  if (typeof stop === "string") return [stop];
  return (asArray(stop) ?? []).filter((item): item is string => typeof item === "string");
}

function responseFormat(value: unknown): GenerationRequest["responseFormat"] {
  const format = asObject(value);
  if (format?.type === "json_object") return "object";
  if (format?.type === "json_schema") return { schema: asObject(format.json_schema)?.schema ?? {} };
  return undefined;
}

function toolOf(tool: unknown): { name: string; parameters: unknown } | undefined {
  const fn = asObject(asObject(tool)?.function);
  const name = asString(fn?.name);
  return name === undefined ? undefined : { name, parameters: fn?.parameters ?? {} };
}

/** The fake calls a tool unprompted only when tool_choice forces one (`required` or a named function). */
function forcedTool(tools: unknown[], toolChoice: unknown): GenerationRequest["forcedTool"] {
  const declared = tools.map(toolOf).filter((tool) => tool !== undefined);
  if (toolChoice === "required") return declared[0];
  const named = asString(asObject(asObject(toolChoice)?.function)?.name);
  return named === undefined ? undefined : declared.find((tool) => tool.name === named);
}

export function parseOpenAiChat(
  raw: unknown,
): { ok: true; request: OpenAiChatRequest } | { ok: false; reply: JsonReply } {
  const body = asObject(raw);
  const model = asString(body?.model);
  const messages = asArray(body?.messages);
  if (body === undefined || model === undefined) {
    return { ok: false, reply: openAiError(400, { message: "you must provide a model parameter" }) };
  }
  if (messages === undefined || messages.length === 0) {
    return {
      ok: false,
      reply: openAiError(400, {
        message: "Invalid 'messages': empty array. Expected an array with minimum length 1.",
        param: "messages",
        code: "empty_array",
      }),
    };
  }
  const tools = asArray(body.tools) ?? [];
  return {
    ok: true,
    request: {
      model,
      n: Math.max(1, Math.floor(asNumber(body.n) ?? 1)),
      stream: body.stream === true,
      includeUsage: asObject(body.stream_options)?.include_usage === true,
      promptTokens: countPromptTokens(messages, tools),
      generation: {
        lastUserText: lastUserText(messages),
        maxTokens: asNumber(body.max_completion_tokens) ?? asNumber(body.max_tokens),
        stop: stopSequences(body.stop),
        responseFormat: responseFormat(body.response_format),
        forcedTool: forcedTool(tools, body.tool_choice),
      },
    },
  };
}
