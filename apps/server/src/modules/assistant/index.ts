export {
  type AssistantModule,
  type AssistantModuleOptions,
  createAssistantModule,
} from "./assistant-module.js";
export type { AssistantChat } from "./deps.js";
export type { SearchSpace } from "./search-port.js";
