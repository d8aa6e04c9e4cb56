export type { ReplyOptions } from "./behaviours.js";
export { delay, dropConnection, echo, error, replyText, replyToolCalls, stall } from "./behaviours.js";
export { embedText } from "./embeddings.js";
export { echoText } from "./generate.js";
export { startFakeLlm } from "./server.js";
export { countPromptTokens, countTokens } from "./tokens.js";
export type {
  Behaviour,
  DropBehaviour,
  ErrorBehaviour,
  FakeLlm,
  FakeLlmOptions,
  LatencySettings,
  RecordedRequest,
  ReplyBehaviour,
  StallBehaviour,
  ToolCallSpec,
  UsageOverride,
} from "./types.js";
