/**
 * OpenAI `messages` → Anthropic `system` + `messages`. Anthropic has one top-level system prompt, two
 * alternating roles, tool calls as `tool_use` blocks in the assistant turn and tool results as
 * `tool_result` blocks at the head of the next user turn; this file bridges those differences.
 */
import type {
  AnthropicCacheControl,
  AnthropicContentBlock,
  AnthropicDocumentBlock,
  AnthropicImageBlock,
  AnthropicMessage,
  AnthropicTextBlock,
  AnthropicToolResultBlock,
  AnthropicToolUseBlock,
} from "./anthropic-types.js";
import { parseBase64DataUrl } from "./data-url.js";
import { ProtocolTranslationError } from "./errors.js";
import type {
  OpenAiAssistantMessage,
  OpenAiMessage,
  OpenAiTextPart,
  OpenAiToolCall,
  OpenAiToolMessage,
  OpenAiUserContentPart,
} from "./openai-types.js";
import { unexpectedTag } from "./unexpected.js";

export interface AnthropicConversation {
  /** System and developer messages, wherever they stood, in order. */
  system: AnthropicTextBlock[];
  messages: AnthropicMessage[];
}

interface Turn {
  role: "user" | "assistant";
  blocks: AnthropicContentBlock[];
  /** A tool_result was appended after other content: Anthropic wants tool results first. */
  resultsOutOfOrder: boolean;
}

/**
 * OpenAI-compatible clients that know Anthropic (OpenRouter, LiteLLM users) put `cache_control` on
 * text parts; keeping it lets them use prompt caching through the OpenAI protocol.
 */
function cacheControlOf(part: OpenAiTextPart): AnthropicCacheControl | undefined {
  const value = part.cache_control;
  if (value === null || typeof value !== "object") return undefined;
  return (value as { type?: unknown }).type === "ephemeral" ? (value as AnthropicCacheControl) : undefined;
}

/** Anthropic refuses empty text blocks, so empty text is dropped rather than forwarded. */
function textBlocks(
  content: string | OpenAiTextPart[] | null | undefined,
  param: string,
): AnthropicTextBlock[] {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", text: content }];
  if (!Array.isArray(content))
    throw new ProtocolTranslationError("content must be a string or an array", param);
  const blocks: AnthropicTextBlock[] = [];
  content.forEach((part, index) => {
    if (part?.type !== "text") {
      throw new ProtocolTranslationError("only text parts are allowed here", `${param}[${index}]`);
    }
    if (part.text === "") return;
    const cacheControl = cacheControlOf(part);
    blocks.push(
      cacheControl === undefined
        ? { type: "text", text: part.text }
        : { type: "text", text: part.text, cache_control: cacheControl },
    );
  });
  return blocks;
}

function imageBlock(url: string, param: string): AnthropicImageBlock {
  if (url.startsWith("data:")) {
    const parsed = parseBase64DataUrl(url);
    if (parsed === undefined) throw new ProtocolTranslationError("image data: URLs must be base64", param);
    return { type: "image", source: { type: "base64", media_type: parsed.mediaType, data: parsed.data } };
  }
  if (/^https?:\/\//i.test(url)) return { type: "image", source: { type: "url", url } };
  throw new ProtocolTranslationError("image_url.url must be an http(s) URL or a base64 data: URL", param);
}

/** Inline files: PDFs become document blocks, images image blocks, plain text a text document. */
function fileBlock(
  file: { file_data?: string; file_id?: string; filename?: string },
  param: string,
): AnthropicDocumentBlock | AnthropicImageBlock {
  const parsed = file.file_data === undefined ? undefined : parseBase64DataUrl(file.file_data);
  if (parsed === undefined) {
    throw new ProtocolTranslationError(
      "files must be given inline as a base64 data: URL in file_data (file ids do not exist upstream)",
      param,
    );
  }
  const title = file.filename === undefined ? {} : { title: file.filename };
  if (parsed.mediaType === "application/pdf") {
    return {
      type: "document",
      source: { type: "base64", media_type: parsed.mediaType, data: parsed.data },
      ...title,
    };
  }
  if (parsed.mediaType.startsWith("image/")) {
    return { type: "image", source: { type: "base64", media_type: parsed.mediaType, data: parsed.data } };
  }
  if (parsed.mediaType === "text/plain") {
    const text = Buffer.from(parsed.data, "base64").toString("utf8");
    return { type: "document", source: { type: "text", media_type: "text/plain", data: text }, ...title };
  }
  throw new ProtocolTranslationError(`unsupported file type ${parsed.mediaType}`, param);
}

function userBlocks(content: string | OpenAiUserContentPart[], param: string): AnthropicContentBlock[] {
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", text: content }];
  if (!Array.isArray(content))
    throw new ProtocolTranslationError("content must be a string or an array", param);
  const blocks: AnthropicContentBlock[] = [];
  content.forEach((part, index) => {
    const where = `${param}[${index}]`;
    switch (part.type) {
      case "text":
        blocks.push(...textBlocks([part], param));
        return;
      case "image_url":
        blocks.push(imageBlock(part.image_url?.url ?? "", where));
        return;
      case "file":
        blocks.push(fileBlock(part.file ?? {}, where));
        return;
      case "input_audio":
        throw new ProtocolTranslationError("audio input is not supported by this model's upstream", where);
      default:
        throw new ProtocolTranslationError(
          `unsupported content part type ${unexpectedTag(part, "type")}`,
          where,
        );
    }
  });
  return blocks;
}

function parseArguments(call: OpenAiToolCall, param: string): Record<string, unknown> {
  const text = call.function?.arguments ?? "";
  // Tools without parameters are often called with "" instead of "{}".
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ProtocolTranslationError("tool call arguments are not valid JSON", param);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ProtocolTranslationError("tool call arguments must be a JSON object", param);
  }
  return parsed as Record<string, unknown>;
}

function assistantBlocks(message: OpenAiAssistantMessage, param: string): AnthropicContentBlock[] {
  if (message.function_call != null) {
    throw new ProtocolTranslationError(
      "legacy function_call is not supported; use tool_calls",
      `${param}.function_call`,
    );
  }
  const blocks: AnthropicContentBlock[] = [];
  const content = message.content;
  if (typeof content === "string" || content == null) {
    blocks.push(...textBlocks(content, `${param}.content`));
  } else {
    content.forEach((part, index) => {
      // A refusal part is what the model said; to Anthropic it is plain assistant text.
      let text: string;
      switch (part.type) {
        case "text":
          text = part.text;
          break;
        case "refusal":
          text = part.refusal;
          break;
        default:
          throw new ProtocolTranslationError(
            `unsupported content part type ${unexpectedTag(part, "type")}`,
            `${param}.content[${index}]`,
          );
      }
      if (text !== "") blocks.push({ type: "text", text });
    });
  }
  if (blocks.length === 0 && typeof message.refusal === "string" && message.refusal !== "") {
    blocks.push({ type: "text", text: message.refusal });
  }
  (message.tool_calls ?? []).forEach((call, index) => {
    const where = `${param}.tool_calls[${index}]`;
    const block: AnthropicToolUseBlock = {
      type: "tool_use",
      id: call.id,
      name: call.function?.name ?? "",
      input: parseArguments(call, `${where}.function.arguments`),
    };
    blocks.push(block);
  });
  return blocks;
}

function toolResultBlock(message: OpenAiToolMessage, param: string): AnthropicToolResultBlock {
  if (typeof message.tool_call_id !== "string" || message.tool_call_id === "") {
    throw new ProtocolTranslationError("tool messages need a tool_call_id", `${param}.tool_call_id`);
  }
  const content = message.content;
  const block: AnthropicToolResultBlock = { type: "tool_result", tool_use_id: message.tool_call_id };
  if (typeof content === "string") {
    if (content !== "") block.content = content;
  } else {
    const blocks = textBlocks(content, `${param}.content`);
    if (blocks.length > 0) block.content = blocks;
  }
  return block;
}

function append(turns: Turn[], role: Turn["role"], blocks: AnthropicContentBlock[]): void {
  if (blocks.length === 0) return;
  const last = turns.at(-1);
  if (last === undefined || last.role !== role) {
    turns.push({ role, blocks, resultsOutOfOrder: false });
    return;
  }
  for (const block of blocks) {
    if (block.type === "tool_result" && last.blocks.some((existing) => existing.type !== "tool_result")) {
      last.resultsOutOfOrder = true;
    }
    last.blocks.push(block);
  }
}

/** Moves tool_result blocks to the head of the turn, keeping the order within each group. */
function resultsFirst(blocks: AnthropicContentBlock[]): AnthropicContentBlock[] {
  const results = blocks.filter((block) => block.type === "tool_result");
  const rest = blocks.filter((block) => block.type !== "tool_result");
  return [...results, ...rest];
}

function isPlainText(block: AnthropicContentBlock): block is AnthropicTextBlock {
  return block.type === "text" && Object.keys(block).length === 2;
}

/** Anthropic refuses a final assistant turn (a prefill) that ends with whitespace. */
function trimPrefill(turns: Turn[]): void {
  const last = turns.at(-1);
  if (last?.role !== "assistant") return;
  const block = last.blocks.at(-1);
  if (block?.type !== "text") return;
  block.text = block.text.trimEnd();
  if (block.text === "") last.blocks.pop();
  if (last.blocks.length === 0) turns.pop();
}

export function openAiMessagesToAnthropic(messages: OpenAiMessage[]): AnthropicConversation {
  if (!Array.isArray(messages)) throw new ProtocolTranslationError("messages must be an array", "messages");
  const system: AnthropicTextBlock[] = [];
  const turns: Turn[] = [];
  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    if (message === null || typeof message !== "object") {
      throw new ProtocolTranslationError("messages must be objects", param);
    }
    switch (message.role) {
      case "system":
      case "developer":
        system.push(...textBlocks(message.content, `${param}.content`));
        return;
      case "user":
        append(turns, "user", userBlocks(message.content, `${param}.content`));
        return;
      case "assistant":
        append(turns, "assistant", assistantBlocks(message, param));
        return;
      case "tool":
        append(turns, "user", [toolResultBlock(message, param)]);
        return;
      case "function":
        throw new ProtocolTranslationError(
          "legacy function messages are not supported; use tool messages",
          param,
        );
      default:
        throw new ProtocolTranslationError(
          `unsupported role ${unexpectedTag(message, "role")}`,
          `${param}.role`,
        );
    }
  });
  trimPrefill(turns);
  return {
    system,
    messages: turns.map((turn) => {
      const blocks = turn.resultsOutOfOrder ? resultsFirst(turn.blocks) : turn.blocks;
      const only = blocks.length === 1 ? blocks[0] : undefined;
      return { role: turn.role, content: only !== undefined && isPlainText(only) ? only.text : blocks };
    }),
  };
}
