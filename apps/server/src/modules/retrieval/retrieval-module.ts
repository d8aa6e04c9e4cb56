import type { RetrievalConfig } from "../../config/index.js";
import type { EventBus } from "../../platform/events/index.js";
import type { JobQueue } from "../../platform/jobs/index.js";
import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import type { Metrics } from "../../platform/telemetry/metrics.js";
import type { ContentCaller } from "../content/index.js";
import type { DocumentIndexer } from "../ingestion/index.js";
import type { RetrievalDeps } from "./deps.js";
import { createEmbeddingService, type EmbeddingService } from "./embeddings/index.js";
import { createDocumentIndexer } from "./indexing/create-document-indexer.js";
import { removeDeletedDocumentVectors } from "./indexing/remove-deleted-document-vectors.js";
import { reembedDatasetJob } from "./reembedding/reembed-dataset-job.js";
import { reembedQueue } from "./reembedding/reembedding-state.js";
import { retrievalRoutes } from "./routes/dataset-routes.js";
import { disabledRetrievalRoutes } from "./routes/disabled-routes.js";
import { embeddingRoutes } from "./routes/embedding-routes.js";
import { spaceSearchRoutes } from "./routes/space-search-routes.js";
import { searchSpace } from "./space-search/search-space.js";
import type { SpaceSearchRequest, SpaceSearchResult } from "./space-search/space-search-port.js";
import { datasetModelResolver } from "./store/index.js";
import { assertVectorStoreReady } from "./vector-store-check.js";

export interface RetrievalModuleOptions {
  readonly config: RetrievalConfig;
  readonly sql: Sql;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  /** Runs re-embeddings after a dataset's model changes; without it such a change is refused. */
  readonly jobs?: JobQueue;
}

/** A readiness probe (the HTTP layer's `HealthProbe` shape): which embedder serves. */
export interface ReadinessProbe {
  readonly name: string;
  readonly adapter: string;
  probe(): Promise<Record<string, string> | undefined>;
}

export interface RetrievalModule {
  readonly routes: ReturnType<typeof retrievalRoutes>;
  /** Ingestion's indexing port; null when retrieval is disabled (documents then stop at chunks). */
  readonly indexer: DocumentIndexer | null;
  /** Readiness: which embedding model serves, and whether it is the lexical fallback. */
  readonly probe: ReadinessProbe;
  /** Space search for other modules (the assistant). */
  searchSpace(caller: ContentCaller, request: SpaceSearchRequest): Promise<SpaceSearchResult>;
  /** Registers the `document.deleted` consumer and the re-embedding worker; call before the bus and queue start. */
  registerWorkers(): void;
  close(): Promise<void>;
}

/**
 * Retrieval: datasets, vectors, embeddings, vector/text/hybrid search and space search. Stops the
 * start with the exact fix when pgvector is missing, unless VECTOR_STORE=disabled.
 */
export async function createRetrievalModule(options: RetrievalModuleOptions): Promise<RetrievalModule> {
  const { config, sql, events, logger } = options;
  if (config.vectorStore === "disabled") return disabledRetrieval(logger);
  await assertVectorStoreReady(sql);
  const embeddings = await createEmbeddingService({
    config: config.embeddings,
    sql,
    logger,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  const deps: RetrievalDeps = {
    sql,
    embeddings,
    logger,
    notifyEvents: () => events.notify(),
    ...(options.jobs ? { jobs: options.jobs } : {}),
  };
  const searchSettings = { minScore: config.minScore, rerankDepth: config.rerankDepth };
  return {
    routes: [
      ...retrievalRoutes(deps),
      ...embeddingRoutes({ embeddings, resolveDatasetModel: datasetModelResolver(deps) }),
      ...spaceSearchRoutes(deps, searchSettings),
    ],
    indexer: createDocumentIndexer(deps),
    probe: embeddingProbe(embeddings),
    searchSpace: (caller, request) => searchSpace(deps, caller, request, searchSettings),
    registerWorkers() {
      events.subscribe({
        consumer: "retrieval-remove-deleted",
        types: ["document.deleted"],
        handler: removeDeletedDocumentVectors(),
      });
      options.jobs?.work(reembedQueue, reembedDatasetJob(deps, { batchSize: config.embeddings.batchSize }));
    },
    close: () => embeddings.close(),
  };
}

function embeddingProbe(embeddings: EmbeddingService): ReadinessProbe {
  const model = embeddings.defaultModel;
  return {
    name: "embeddings",
    adapter: model.provider,
    probe: async () => ({
      model: model.name,
      dimensions: String(model.dimensions),
      ...(model.fallback
        ? {
            warning:
              "no embedding model configured: the built-in lexical embedder is in use (set EMBEDDING_PROVIDER / EMBEDDING_MODEL_DIR or EMBEDDING_BASE_URL)",
          }
        : {}),
    }),
  };
}

function disabledRetrieval(logger: Logger): RetrievalModule {
  logger.warn("retrieval disabled (VECTOR_STORE=disabled): datasets, embeddings and search answer 503");
  const unavailable = () =>
    Promise.reject(new Error("retrieval is disabled on this instance (VECTOR_STORE=disabled)"));
  return {
    routes: disabledRetrievalRoutes(),
    indexer: null,
    probe: {
      name: "embeddings",
      adapter: "disabled",
      probe: async () => ({ status: "VECTOR_STORE=disabled" }),
    },
    searchSpace: unavailable,
    registerWorkers() {},
    close: async () => {},
  };
}
