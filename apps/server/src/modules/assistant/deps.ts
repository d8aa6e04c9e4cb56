import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import type { InProcessGateway } from "../gateway/index.js";
import type { SearchSpace } from "./search-port.js";

/** What the assistant asks of the gateway: governed chat calls under the caller's identity. */
export type AssistantChat = Pick<InProcessGateway, "complete" | "stream" | "hasChatModels" | "chatModelInfo">;

/** What the assistant's use cases need, built once by `createAssistantModule`. */
export interface AssistantDeps {
  readonly sql: Sql;
  readonly chat: AssistantChat;
  readonly searchSpace: SearchSpace;
  /** Share of a question's key terms a passage must contain to count as evidence (0 turns the gate off). */
  readonly minTermCoverage: number;
  readonly logger: Logger | null;
}
