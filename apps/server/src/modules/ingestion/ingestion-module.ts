import type { IngestionConfig } from "../../config/index.js";
import type { CacheStore } from "../../platform/cache/index.js";
import type { EventBus } from "../../platform/events/index.js";
import type { JobQueue } from "../../platform/jobs/index.js";
import type { ObjectStore } from "../../platform/objects/index.js";
import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import type { DocumentIndexer } from "./indexing/document-indexer.js";
import { eventSource, type IngestionDeps, processingQueue } from "./ingestion-deps.js";
import { LiveUpdates } from "./live/live-updates.js";
import { processDocumentJob } from "./processing/process-document-job.js";
import type {
  ProcessFileInput,
  ProcessFileOutput,
  ProcessFileProgress,
  ProcessingPool,
} from "./processing/process-file.js";
import { removeDeletedDocument } from "./processing/remove-deleted-document.js";
import { tenantJobLimit } from "./processing/tenant-job-limit.js";
import { WorkerPool } from "./processing/worker-pool.js";
import { documentUploadRoutes } from "./routes/document-upload-routes.js";
import { sessionRoutes } from "./routes/session-routes.js";

export interface IngestionModuleOptions {
  readonly sql: Sql;
  readonly objects: ObjectStore;
  readonly jobs: JobQueue;
  readonly events: EventBus;
  readonly cache: CacheStore;
  readonly config: IngestionConfig;
  readonly logger: Logger;
  /** Tests swap the worker entry (e.g. one that crashes mid-document). Its owner closes it. */
  readonly pool?: ProcessingPool;
  /** Retrieval's indexing (embeds and stores vectors with the chunks); absent when retrieval is off. */
  readonly indexer?: DocumentIndexer | null;
}

/** Ingestion: uploads, processing jobs (extraction, analysis, chunking), chunks, sessions, live status. */
export function createIngestionModule(options: IngestionModuleOptions) {
  const deps: IngestionDeps = { ...options, indexer: options.indexer ?? null, live: new LiveUpdates() };
  const pool =
    options.pool ??
    new WorkerPool<ProcessFileInput, ProcessFileOutput, ProcessFileProgress>({
      size: options.config.workerThreads,
      memoryMb: options.config.workerMemoryMb,
    });
  return {
    routes: [...documentUploadRoutes(deps), ...sessionRoutes(deps)],
    /** Registers the job handler and event consumer; call before the queue and bus start. */
    registerWorkers(): void {
      options.jobs.work(processingQueue, processDocumentJob(deps, pool), {
        concurrency: options.config.maxConcurrentJobs,
        tenantConcurrencyOf: (tenantId) => tenantJobLimit(options.sql, tenantId),
      });
      options.events.subscribe({
        consumer: `${eventSource}-remove-deleted`,
        types: ["document.deleted"],
        handler: removeDeletedDocument(deps),
      });
      if (options.config.prestartWorkers && !options.pool) pool.prestart();
    },
    async close(): Promise<void> {
      // A pool passed in outlives the module (tests share one warm pool between instances).
      if (!options.pool) await pool.close();
    },
  };
}

export type IngestionModule = ReturnType<typeof createIngestionModule>;
