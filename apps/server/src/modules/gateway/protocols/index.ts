/**
 * The gateway's wire-protocol layer: OpenAI Chat Completions ↔ Anthropic Messages translation
 * (requests, responses, stream events, errors, usage) and SSE reading and writing. Pure functions
 * and small stateful stream translators; no I/O beyond iterating a body stream.
 */
export { anthropicMessagesToOpenAi } from "./anthropic-messages-to-openai.js";
export {
  AnthropicStreamToOpenAi,
  type AnthropicStreamToOpenAiOptions,
} from "./anthropic-stream-to-openai.js";
export {
  type AnthropicToOpenAiOptions,
  anthropicRequestToOpenAi,
  type OpenAiToAnthropicResponseOptions,
  openAiResponseToAnthropic,
  parseToolInput,
} from "./anthropic-to-openai.js";
export type * from "./anthropic-types.js";
export { type DataUrl, parseBase64DataUrl, toBase64DataUrl } from "./data-url.js";
export {
  type AnthropicErrorType,
  anthropicError,
  anthropicErrorObjectToOpenAi,
  anthropicErrorToOpenAi,
  anthropicErrorTypeForStatus,
  anthropicStatusForErrorType,
  type OpenAiErrorFields,
  type OpenAiErrorType,
  openAiError,
  openAiErrorObjectToAnthropic,
  openAiErrorToAnthropic,
  openAiErrorTypeForStatus,
  openAiStatusForErrorType,
  ProtocolTranslationError,
  type TranslatedError,
} from "./errors.js";
export { anthropicStopToOpenAiFinish, openAiFinishToAnthropicStop } from "./finish-reasons.js";
export { anthropicMessageId, anthropicToolUseId, openAiCompletionId } from "./ids.js";
export { type AnthropicConversation, openAiMessagesToAnthropic } from "./openai-messages-to-anthropic.js";
export {
  OpenAiStreamToAnthropic,
  type OpenAiStreamToAnthropicOptions,
} from "./openai-stream-to-anthropic.js";
export {
  type AnthropicToOpenAiResponseOptions,
  anthropicResponseToOpenAi,
  JSON_OBJECT_INSTRUCTION,
  type OpenAiToAnthropicOptions,
  openAiRequestToAnthropic,
  structuredOutputToolName,
} from "./openai-to-anthropic.js";
export type * from "./openai-types.js";
export {
  formatAnthropicSse,
  formatSse,
  OPENAI_DONE_DATA,
  OPENAI_DONE_SSE,
  parseSse,
  type SseMessage,
} from "./sse.js";
export { AnthropicStreamUsage, OpenAiStreamUsage } from "./stream-usage.js";
export {
  type AnthropicCounters,
  type AnthropicUsageCounters,
  applyAnthropicUsage,
  emptyUsage,
  type TokenUsage,
  usageFromAnthropic,
  usageFromOpenAi,
  usageToAnthropic,
  usageToOpenAi,
} from "./usage.js";
