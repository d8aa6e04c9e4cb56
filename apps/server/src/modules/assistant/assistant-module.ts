import type { AssistantConfig } from "../../config/index.js";
import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import type { AssistantChat, AssistantDeps } from "./deps.js";
import { conversationRoutes } from "./routes/conversation-routes.js";
import { historyRoutes } from "./routes/history-routes.js";
import { queryRoutes } from "./routes/query-routes.js";
import type { SearchSpace } from "./search-port.js";

export interface AssistantModuleOptions {
  readonly sql: Sql;
  readonly config: AssistantConfig;
  /** The gateway's in-process pipeline (`gateway.chat`): every model call goes through it. */
  readonly chat: AssistantChat;
  /** Retrieval's space search (`retrieval.searchSpace`). */
  readonly searchSpace: SearchSpace;
  readonly logger?: Logger;
}

/** The knowledge assistant: `/query`, conversations and query history. */
export function createAssistantModule(options: AssistantModuleOptions) {
  const deps: AssistantDeps = {
    sql: options.sql,
    chat: options.chat,
    searchSpace: options.searchSpace,
    evidence: { minTermCoverage: options.config.minTermCoverage, rerank: options.config.rerank },
    logger: options.logger ?? null,
  };
  return {
    routes: [...queryRoutes(deps), ...conversationRoutes(deps), ...historyRoutes(deps)],
    /** Nothing to release: answers in flight end with the HTTP server's drain. */
    async close(): Promise<void> {},
  };
}

export type AssistantModule = ReturnType<typeof createAssistantModule>;
