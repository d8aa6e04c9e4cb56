export { createGatewayModule, type GatewayModule, type GatewayModuleOptions } from "./gateway-module.js";
export {
  type ChatCall,
  type ChatCompletion,
  type ChatModelInfo,
  type ChatStream,
  GatewayCallError,
  type InProcessCaller,
  type InProcessGateway,
} from "./in-process-gateway.js";
export type {
  OpenAiChatCompletionChunk,
  OpenAiChatRequest,
  OpenAiMessage,
  OpenAiUsage,
} from "./protocols/index.js";
