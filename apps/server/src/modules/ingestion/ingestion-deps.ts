import type { IngestionConfig } from "../../config/index.js";
import type { CacheStore } from "../../platform/cache/index.js";
import type { EventBus } from "../../platform/events/index.js";
import type { JobQueue } from "../../platform/jobs/index.js";
import type { ObjectStore } from "../../platform/objects/index.js";
import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import type { DocumentIndexer } from "./indexing/document-indexer.js";
import type { LiveUpdates } from "./live/live-updates.js";

/** What ingestion's use cases share; built once by `createIngestionModule`. */
export interface IngestionDeps {
  readonly sql: Sql;
  readonly objects: ObjectStore;
  readonly jobs: JobQueue;
  readonly events: EventBus;
  readonly cache: CacheStore;
  readonly config: IngestionConfig;
  readonly logger: Logger;
  readonly live: LiveUpdates;
  /** Retrieval's indexing, when the platform runs it; without it documents stop at chunks. */
  readonly indexer: DocumentIndexer | null;
}

export const processingQueue = "ingestion.process";
export const eventSource = "ingestion";
