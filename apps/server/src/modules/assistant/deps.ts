import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import type { InProcessGateway } from "../gateway/index.js";
import type { EvidenceSettings } from "./retrieve/retrieve-evidence.js";
import type { SearchSpace } from "./search-port.js";

/** What the assistant asks of the gateway: governed chat calls under the caller's identity. */
export type AssistantChat = Pick<InProcessGateway, "complete" | "stream" | "hasChatModels" | "chatModelInfo">;

/** What the assistant's use cases need, built once by `createAssistantModule`. */
export interface AssistantDeps {
  readonly sql: Sql;
  readonly chat: AssistantChat;
  readonly searchSpace: SearchSpace;
  /** The evidence gate's coverage and whether the search re-ranks by sentence. */
  readonly evidence: EvidenceSettings;
  readonly logger: Logger | null;
}
