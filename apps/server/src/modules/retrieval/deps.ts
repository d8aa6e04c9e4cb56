import type { JobQueue } from "../../platform/jobs/index.js";
import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import type { EmbeddingService } from "./embeddings/embedding-port.js";

/** What the retrieval module's use cases and routes need, built once by the module. */
export interface RetrievalDeps {
  readonly sql: Sql;
  readonly embeddings: EmbeddingService;
  readonly logger: Logger;
  /** Runs re-embeddings after a model change; without it a dataset holding records keeps its model. */
  readonly jobs?: JobQueue;
  /** Wakes the event relay after a commit that appended events. */
  readonly notifyEvents?: () => void;
}
