/**
 * The subset of the OpenAI Chat Completions wire format the gateway reads and writes.
 * Objects that clients and upstreams extend over time (requests, messages, responses, chunks) are
 * open: an index signature keeps unknown fields typed as `unknown`, so same-protocol paths forward
 * them untouched instead of dropping them.
 */

/** Fields this layer does not model; they pass through same-protocol paths as they are. */
export type OpenFields = { [key: string]: unknown };

export interface OpenAiTextPart extends OpenFields {
  type: "text";
  text: string;
}

export interface OpenAiImagePart extends OpenFields {
  type: "image_url";
  image_url: { url: string; detail?: "auto" | "low" | "high" };
}

/** A file given inline (`file_data` is a data: URL) or by an OpenAI file id. */
export interface OpenAiFilePart extends OpenFields {
  type: "file";
  file: { file_data?: string; file_id?: string; filename?: string };
}

export interface OpenAiAudioPart extends OpenFields {
  type: "input_audio";
  input_audio: { data: string; format: string };
}

export interface OpenAiRefusalPart extends OpenFields {
  type: "refusal";
  refusal: string;
}

export type OpenAiUserContentPart = OpenAiTextPart | OpenAiImagePart | OpenAiFilePart | OpenAiAudioPart;

export interface OpenAiFunctionCall {
  name: string;
  /** JSON text, as the model produced it. */
  arguments: string;
}

export interface OpenAiToolCall extends OpenFields {
  id: string;
  type: "function";
  function: OpenAiFunctionCall;
}

export interface OpenAiSystemMessage extends OpenFields {
  role: "system" | "developer";
  content: string | OpenAiTextPart[];
  name?: string;
}

export interface OpenAiUserMessage extends OpenFields {
  role: "user";
  content: string | OpenAiUserContentPart[];
  name?: string;
}

export interface OpenAiAssistantMessage extends OpenFields {
  role: "assistant";
  content?: string | Array<OpenAiTextPart | OpenAiRefusalPart> | null;
  refusal?: string | null;
  tool_calls?: OpenAiToolCall[];
  /** Legacy; refused when translating to Anthropic (use tool_calls). */
  function_call?: OpenAiFunctionCall | null;
  name?: string;
}

export interface OpenAiToolMessage extends OpenFields {
  role: "tool";
  content: string | OpenAiTextPart[];
  tool_call_id: string;
}

/** Legacy function result; refused when translating to Anthropic (it has no call id to pair with). */
export interface OpenAiFunctionMessage extends OpenFields {
  role: "function";
  content: string | null;
  name: string;
}

export type OpenAiMessage =
  | OpenAiSystemMessage
  | OpenAiUserMessage
  | OpenAiAssistantMessage
  | OpenAiToolMessage
  | OpenAiFunctionMessage;

export interface OpenAiFunctionDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the arguments object. */
  parameters?: Record<string, unknown>;
  strict?: boolean | null;
}

export interface OpenAiTool extends OpenFields {
  type: "function";
  function: OpenAiFunctionDefinition;
}

export type OpenAiToolChoice =
  | "auto"
  | "none"
  | "required"
  | { type: "function"; function: { name: string } };

export interface OpenAiJsonSchemaFormat {
  name: string;
  description?: string;
  schema?: Record<string, unknown>;
  strict?: boolean | null;
}

export type OpenAiResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; json_schema: OpenAiJsonSchemaFormat };

export interface OpenAiChatRequest extends OpenFields {
  model: string;
  messages: OpenAiMessage[];
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  n?: number | null;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean } | null;
  stop?: string | string[] | null;
  tools?: OpenAiTool[];
  tool_choice?: OpenAiToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: OpenAiResponseFormat;
  user?: string;
  seed?: number | null;
  logprobs?: boolean | null;
  top_logprobs?: number | null;
  frequency_penalty?: number | null;
  presence_penalty?: number | null;
  /** Legacy function calling; refused when translating to Anthropic (use tools). */
  functions?: OpenAiFunctionDefinition[];
  function_call?: "auto" | "none" | { name: string };
}

export type OpenAiFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "function_call";

export interface OpenAiUsage extends OpenFields {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number; audio_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number; [key: string]: unknown } | null;
}

export interface OpenAiResponseMessage extends OpenFields {
  role: "assistant";
  content: string | null;
  refusal?: string | null;
  tool_calls?: OpenAiToolCall[];
  function_call?: OpenAiFunctionCall | null;
}

export interface OpenAiChoice extends OpenFields {
  index: number;
  message: OpenAiResponseMessage;
  finish_reason: OpenAiFinishReason | null;
  logprobs?: unknown;
}

export interface OpenAiChatCompletion extends OpenFields {
  id: string;
  object: "chat.completion";
  /** Unix seconds. */
  created: number;
  model: string;
  choices: OpenAiChoice[];
  usage?: OpenAiUsage;
  system_fingerprint?: string | null;
}

/** A tool call fragment: the first one carries id, type and name; later ones argument text only. */
export interface OpenAiToolCallDelta {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

export interface OpenAiDelta extends OpenFields {
  role?: "assistant";
  content?: string | null;
  refusal?: string | null;
  tool_calls?: OpenAiToolCallDelta[];
}

export interface OpenAiChunkChoice extends OpenFields {
  index: number;
  delta: OpenAiDelta;
  finish_reason: OpenAiFinishReason | null;
  logprobs?: unknown;
}

export interface OpenAiChatCompletionChunk extends OpenFields {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: OpenAiChunkChoice[];
  /** Present (null until the last chunk) only when stream_options.include_usage was set. */
  usage?: OpenAiUsage | null;
  system_fingerprint?: string | null;
}

export interface OpenAiErrorObject {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** The error body of every non-2xx answer, and the `data:` payload of an error inside a stream. */
export interface OpenAiErrorBody {
  error: OpenAiErrorObject;
}

/** What a translated OpenAI stream carries: chunks, or an error object (the SDKs throw on it). */
export type OpenAiStreamItem = OpenAiChatCompletionChunk | OpenAiErrorBody;
