import type { RawConfig } from "./schema.js";

export type SqlConfig =
  | { kind: "pglite"; dataDir: string | null; appRole: string; sharedBuffers: string }
  | { kind: "postgres"; url: string; migrationUrl: string; appRole: string; poolSize: number };
export type EventsConfig = { kind: "in-process" } | { kind: "nats"; url: string; stream: string };
export type ObjectsConfig =
  | { kind: "filesystem"; root: string }
  | {
      kind: "s3";
      endpoint: string | undefined;
      region: string;
      bucket: string;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
    };
export type CacheConfig = { kind: "memory" } | { kind: "redis"; url: string };
export type OidcProviderConfig = RawConfig["OIDC_PROVIDERS"][number];

export interface IdentityConfig {
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /** How long a rotated refresh token is answered with its unused successor again (a lost answer); 0: never. */
  readonly refreshTokenRetryGraceSeconds: number;
  readonly invitationTtlHours: number;
  readonly loginLimits: {
    readonly perAccount: number;
    readonly perAddress: number;
    readonly windowSeconds: number;
    /** First delay after a failed login; it doubles with each further failure (capped at 8×). */
    readonly failureDelayMs: number;
  };
  readonly smtp: { readonly url: string; readonly from: string } | null;
  readonly oidcProviders: readonly OidcProviderConfig[];
}

export type DeclaredProvider = RawConfig["TRIBUTARY_PROVIDERS"][number];

export interface GatewayConfig {
  readonly providers: readonly DeclaredProvider[];
  readonly upstreamTimeoutMs: number;
  readonly usageBufferSize: number;
  readonly usageFlushMs: number;
  readonly cacheTtlSeconds: number;
  /** Default guardrail policy for tenants that set none. */
  readonly guardrailPolicy: "off" | "detect" | "redact" | "block";
  readonly circuit: { readonly failures: number; readonly cooldownMs: number };
}

/** Platform defaults; a tenant's `quotas` may override the per-tenant ones. */
export interface IngestionConfig {
  readonly maxFileSizeBytes: number;
  readonly storageQuotaBytes: number;
  readonly uploadsPerUserPerHour: number;
  readonly concurrentUploadsPerSpace: number;
  readonly maxConcurrentJobs: number;
  readonly workerThreads: number;
  readonly workerMemoryMb: number;
  readonly jobTimeoutMs: number;
  readonly prestartWorkers: boolean;
  /** Plain text and Markdown with a longer line fail as not being a document. */
  readonly maxLineChars: number;
  readonly ocr: { readonly enabled: boolean; readonly languages: readonly string[] };
  readonly piiPolicy: "detect" | "redact" | "block";
  readonly chunking: {
    readonly strategy: "fixed" | "sentence" | "paragraph" | "semantic" | "markdown";
    readonly maxChunkSize: number;
    readonly overlapSize: number;
    readonly maxChunksPerFile: number;
  };
}

export interface EmbeddingConfig {
  /** Undefined: chosen at start-up (onnx with a model dir, else openai_compatible with a base URL, else lexical). */
  readonly provider: "lexical" | "onnx" | "sentence_encoder" | "openai_compatible" | "ollama" | undefined;
  readonly model: string | undefined;
  readonly baseUrl: string | undefined;
  readonly apiKey: string | undefined;
  readonly dimensions: number | undefined;
  readonly modelDir: string | undefined;
  readonly allowDownload: boolean;
  readonly batchSize: number;
  readonly maxConcurrent: number;
  /** Worker threads of the bundled sentence encoder. */
  readonly threads: number;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryMaxWaitMs: number;
  readonly cacheEntries: number;
}

export interface RetrievalConfig {
  readonly vectorStore: "pgvector" | "disabled";
  readonly embeddings: EmbeddingConfig;
  /** Default minimum component score for space search. */
  readonly minScore: number;
  /** How many of the best passages a re-ranked space search re-ranks by sentence. */
  readonly rerankDepth: number;
}

export interface AssistantConfig {
  /** Share of a question's key terms a passage must contain to count as evidence (0: no gate). */
  readonly minTermCoverage: number;
  /**
   * Re-rank retrieved passages by their best sentence: `auto` where ingestion already cached the
   * sentence vectors (the sentence encoder), `on` for any semantic embedder, `off`.
   */
  readonly rerank: "auto" | "on" | "off";
}

/** The effective configuration: every adapter choice already made, secrets included. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly role: "all" | "api" | "worker" | "scheduler";
  readonly secretKey: string;
  readonly publicUrl: string | undefined;
  readonly sql: SqlConfig;
  readonly events: EventsConfig;
  readonly objects: ObjectsConfig;
  readonly cache: CacheConfig;
  readonly logLevel: RawConfig["LOG_LEVEL"];
  readonly otlpEndpoint: string | undefined;
  readonly http: { readonly corsOrigins: readonly string[]; readonly bodyLimitBytes: number };
  readonly shutdownTimeoutMs: number;
  /** Nice value the process's threads but the main one run above it (Linux; 0: unchanged). */
  readonly backgroundThreadNiceness: number;
  readonly eventsTuning: {
    readonly maxDeliveries: number;
    readonly retentionDays: number;
    /** Fallback poll of the outbox (every commit that appends events also wakes the relay). */
    readonly pollIntervalMs: number;
  };
  readonly jobs: {
    readonly visibilityTimeoutMs: number;
    readonly maxAttempts: number;
    readonly tenantConcurrency: number;
    readonly pollIntervalMs: number;
  };
  readonly rateLimitPerMinute: number;
  readonly identity: IdentityConfig;
  readonly gateway: GatewayConfig;
  readonly ingestion: IngestionConfig;
  readonly retrieval: RetrievalConfig;
  readonly assistant: AssistantConfig;
}
