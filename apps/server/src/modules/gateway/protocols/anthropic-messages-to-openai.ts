/**
 * Anthropic `system` + `messages` → OpenAI `messages`. Tool results leave their user turn as `tool`
 * messages (placed first, where OpenAI expects them: right after the assistant's tool calls), and
 * the rest of that turn follows as a user message. `cache_control` is dropped: OpenAI caches
 * prompt prefixes by itself and has no such field.
 */
import type {
  AnthropicContentBlock,
  AnthropicDocumentBlock,
  AnthropicImageBlock,
  AnthropicMessage,
  AnthropicRequest,
  AnthropicToolResultBlock,
} from "./anthropic-types.js";
import { toBase64DataUrl } from "./data-url.js";
import { ProtocolTranslationError } from "./errors.js";
import type {
  OpenAiMessage,
  OpenAiTextPart,
  OpenAiToolCall,
  OpenAiToolMessage,
  OpenAiUserContentPart,
} from "./openai-types.js";
import { unexpectedTag } from "./unexpected.js";

/** OpenAI has no `is_error`; the model still has to learn that the tool failed. */
const TOOL_ERROR_PREFIX = "Error: ";

function imagePart(block: AnthropicImageBlock, param: string): OpenAiUserContentPart {
  const source = block.source;
  switch (source?.type) {
    case "base64":
      return { type: "image_url", image_url: { url: toBase64DataUrl(source.media_type, source.data) } };
    case "url":
      return { type: "image_url", image_url: { url: source.url } };
    case "file":
      throw new ProtocolTranslationError("Files API images do not exist on this model's upstream", param);
    default:
      throw new ProtocolTranslationError(`unsupported image source ${unexpectedTag(source, "type")}`, param);
  }
}

function documentPart(block: AnthropicDocumentBlock, param: string): OpenAiUserContentPart {
  const source = block.source;
  switch (source?.type) {
    case "base64":
      return {
        type: "file",
        file: {
          file_data: toBase64DataUrl(source.media_type, source.data),
          filename: typeof block.title === "string" ? block.title : "document.pdf",
        },
      };
    case "text":
      return { type: "text", text: source.data };
    case "url":
    case "file":
    case "content":
      throw new ProtocolTranslationError(
        `${source.type} document sources are not supported by this model's upstream`,
        param,
      );
    default:
      throw new ProtocolTranslationError(
        `unsupported document source ${unexpectedTag(source, "type")}`,
        param,
      );
  }
}

/** A user-side block that is not a tool result, as an OpenAI content part (undefined: dropped). */
function userPart(block: AnthropicContentBlock, param: string): OpenAiUserContentPart | undefined {
  switch (block.type) {
    case "text":
      return block.text === "" ? undefined : { type: "text", text: block.text };
    case "image":
      return imagePart(block, param);
    case "document":
      return documentPart(block, param);
    case "thinking":
    case "redacted_thinking":
    case "tool_use":
    case "tool_result":
      throw new ProtocolTranslationError(`${block.type} blocks are not allowed in a user turn`, param);
    default:
      throw new ProtocolTranslationError(
        `unsupported content block type ${unexpectedTag(block, "type")}`,
        param,
      );
  }
}

function userMessage(parts: OpenAiUserContentPart[]): OpenAiMessage {
  const only = parts.length === 1 ? parts[0] : undefined;
  return { role: "user", content: only?.type === "text" ? only.text : parts };
}

/** The text of a tool result; its images go to `images` (OpenAI tool messages carry text only). */
function toolMessage(
  block: AnthropicToolResultBlock,
  images: OpenAiUserContentPart[],
  param: string,
): OpenAiToolMessage {
  const prefix = block.is_error === true ? TOOL_ERROR_PREFIX : "";
  const content = block.content;
  if (content === undefined || typeof content === "string") {
    return { role: "tool", tool_call_id: block.tool_use_id, content: prefix + (content ?? "") };
  }
  const texts: OpenAiTextPart[] = [];
  content.forEach((item, index) => {
    const part = userPart(item, `${param}.content[${index}]`);
    if (part?.type === "text") texts.push(part);
    else if (part !== undefined) images.push(part);
  });
  const first = texts[0];
  if (first === undefined) return { role: "tool", tool_call_id: block.tool_use_id, content: prefix };
  texts[0] = { type: "text", text: prefix + first.text };
  const only = texts.length === 1 ? texts[0] : undefined;
  return { role: "tool", tool_call_id: block.tool_use_id, content: only === undefined ? texts : only.text };
}

function pushUserTurn(content: AnthropicContentBlock[], out: OpenAiMessage[], param: string): void {
  const parts: OpenAiUserContentPart[] = [];
  const trailingImages: OpenAiUserContentPart[] = [];
  content.forEach((block, index) => {
    const where = `${param}.content[${index}]`;
    if (block.type === "tool_result") out.push(toolMessage(block, trailingImages, where));
    else {
      const part = userPart(block, where);
      if (part !== undefined) parts.push(part);
    }
  });
  const all = trailingImages.length === 0 ? parts : [...trailingImages, ...parts];
  if (all.length > 0) out.push(userMessage(all));
}

function pushAssistantTurn(content: AnthropicContentBlock[], out: OpenAiMessage[], param: string): void {
  let text = "";
  const toolCalls: OpenAiToolCall[] = [];
  content.forEach((block, index) => {
    switch (block.type) {
      case "text":
        text += block.text;
        return;
      case "tool_use":
        toolCalls.push({
          id: block.id,
          type: "function",
          function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
        });
        return;
      case "thinking":
      case "redacted_thinking":
        // Signed reasoning only means something to the Anthropic model that wrote it.
        return;
      case "image":
      case "document":
      case "tool_result":
        throw new ProtocolTranslationError(
          `${block.type} blocks are not allowed in an assistant turn`,
          `${param}.content[${index}]`,
        );
      default:
        throw new ProtocolTranslationError(
          `unsupported content block type ${unexpectedTag(block, "type")}`,
          `${param}.content[${index}]`,
        );
    }
  });
  if (toolCalls.length === 0) out.push({ role: "assistant", content: text });
  else out.push({ role: "assistant", content: text === "" ? null : text, tool_calls: toolCalls });
}

function systemMessages(system: AnthropicRequest["system"]): OpenAiMessage[] {
  if (system === undefined || system === null) return [];
  const text =
    typeof system === "string"
      ? system
      : system
          .map((block) => block.text)
          .filter((item) => item !== "")
          .join("\n\n");
  return text === "" ? [] : [{ role: "system", content: text }];
}

export function anthropicMessagesToOpenAi(
  system: AnthropicRequest["system"],
  messages: AnthropicMessage[],
): OpenAiMessage[] {
  if (!Array.isArray(messages)) throw new ProtocolTranslationError("messages must be an array", "messages");
  const out = systemMessages(system);
  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    if (message === null || typeof message !== "object") {
      throw new ProtocolTranslationError("messages must be objects", param);
    }
    const content = message.content;
    if (message.role !== "user" && message.role !== "assistant") {
      throw new ProtocolTranslationError(`unsupported role ${String(message.role)}`, `${param}.role`);
    }
    if (typeof content === "string") {
      out.push({ role: message.role, content });
      return;
    }
    if (!Array.isArray(content)) {
      throw new ProtocolTranslationError("content must be a string or an array", `${param}.content`);
    }
    if (message.role === "user") pushUserTurn(content, out, param);
    else pushAssistantTurn(content, out, param);
  });
  return out;
}
