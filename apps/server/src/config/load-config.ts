import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { Config } from "./config.js";
import { configSchema, type RawConfig } from "./schema.js";

/** Start-up stops with one line per problem when the configuration is invalid. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

export interface LoadConfigOptions {
  /** Variables to read; defaults to the process environment (the only place it is read). */
  env?: Environment;
  /** Overrides applied after the environment, e.g. `--port` from the command line. */
  overrides?: Partial<Record<keyof RawConfig, string | number>>;
  /** Whether to generate `TRIBUTARY_SECRET_KEY` into the data dir when it is absent. */
  persistSecret?: boolean;
}

/** Reads configuration once: optional file (`TRIBUTARY_CONFIG`), then environment, then overrides. */
export function loadConfig({
  env = process.env,
  overrides = {},
  persistSecret = true,
}: LoadConfigOptions = {}): Config {
  const fromFile = readConfigFile(env.TRIBUTARY_CONFIG);
  const merged: Record<string, unknown> = { ...fromFile };
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== "") merged[key] = value;
  }
  Object.assign(merged, overrides);
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(config)"}: ${issue.message}`),
    );
  }
  return toConfig(parsed.data, persistSecret);
}

function readConfigFile(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  if (!existsSync(file)) throw new ConfigError([`TRIBUTARY_CONFIG: file ${file} does not exist`]);
  const text = readFileSync(file, "utf8");
  try {
    const data: unknown = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      throw new Error("expected a mapping of setting names to values");
    }
    const known = new Set(Object.keys(configSchema.shape));
    const unknown = Object.keys(data).filter((key) => !known.has(key));
    if (unknown.length > 0) throw new Error(`unknown settings ${unknown.join(", ")}`);
    return data as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError([`TRIBUTARY_CONFIG: ${file}: ${(error as Error).message}`]);
  }
}

/**
 * Default fallback polls of the job queue and the event outbox. Enqueues and event commits wake
 * their runner and relay in-process; polls find what other processes wrote, due retries and
 * expired leases. On PostgreSQL other processes (API, workers) share the tables, so polls are
 * frequent. The embedded database belongs to this process alone (its data dir is locked), so its
 * polls only back the wakes up: at 500 ms they cost an idle server a few percent of a core and add
 * a burst of database work to every request-serving second (decision 0020).
 */
const serverPollIntervals = { jobsMs: 500, eventsMs: 250 };
const embeddedPollIntervals = { jobsMs: 5_000, eventsMs: 5_000 };

function toConfig(raw: RawConfig, persistSecret: boolean): Config {
  const dataDir = path.resolve(raw.TRIBUTARY_DATA_DIR);
  const problems: string[] = [];
  const s3Set = raw.S3_BUCKET !== undefined || raw.S3_ENDPOINT !== undefined;
  if (s3Set && !raw.S3_BUCKET) problems.push("S3_BUCKET: required when S3_ENDPOINT is set");
  if (raw.DATABASE_MIGRATION_URL && !raw.DATABASE_URL) {
    problems.push("DATABASE_MIGRATION_URL: only meaningful together with DATABASE_URL");
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const polls = raw.DATABASE_URL ? serverPollIntervals : embeddedPollIntervals;
  return {
    port: raw.PORT,
    host: raw.HOST,
    dataDir,
    role: raw.TRIBUTARY_ROLE,
    secretKey: raw.TRIBUTARY_SECRET_KEY ?? resolveSecretKey(dataDir, persistSecret),
    publicUrl: raw.TRIBUTARY_PUBLIC_URL,
    sql: raw.DATABASE_URL
      ? {
          kind: "postgres",
          url: raw.DATABASE_URL,
          migrationUrl: raw.DATABASE_MIGRATION_URL ?? raw.DATABASE_URL,
          appRole: raw.DATABASE_APP_ROLE,
          poolSize: raw.DATABASE_POOL_SIZE,
        }
      : {
          kind: "pglite",
          dataDir: path.join(dataDir, "pgdata"),
          appRole: raw.DATABASE_APP_ROLE,
          sharedBuffers: raw.PGLITE_SHARED_BUFFERS,
        },
    events: raw.NATS_URL
      ? { kind: "nats", url: raw.NATS_URL, stream: raw.NATS_STREAM }
      : { kind: "in-process" },
    objects: raw.S3_BUCKET
      ? {
          kind: "s3",
          endpoint: raw.S3_ENDPOINT,
          region: raw.S3_REGION,
          bucket: raw.S3_BUCKET,
          accessKeyId: raw.S3_ACCESS_KEY_ID,
          secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
          forcePathStyle: raw.S3_FORCE_PATH_STYLE,
        }
      : { kind: "filesystem", root: path.join(dataDir, "objects") },
    cache: raw.REDIS_URL ? { kind: "redis", url: raw.REDIS_URL } : { kind: "memory" },
    logLevel: raw.LOG_LEVEL,
    otlpEndpoint: raw.OTEL_EXPORTER_OTLP_ENDPOINT,
    http: {
      corsOrigins: raw.CORS_ORIGINS.split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
      bodyLimitBytes: raw.HTTP_BODY_LIMIT_BYTES,
    },
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    backgroundThreadNiceness: raw.BACKGROUND_THREAD_NICENESS,
    eventsTuning: {
      maxDeliveries: raw.EVENTS_MAX_DELIVERIES,
      retentionDays: raw.EVENTS_RETENTION_DAYS,
      pollIntervalMs: raw.EVENTS_POLL_INTERVAL_MS ?? polls.eventsMs,
    },
    jobs: {
      visibilityTimeoutMs: raw.JOBS_VISIBILITY_TIMEOUT_MS,
      maxAttempts: raw.JOBS_MAX_ATTEMPTS,
      tenantConcurrency: raw.JOBS_TENANT_CONCURRENCY,
      pollIntervalMs: raw.JOBS_POLL_INTERVAL_MS ?? polls.jobsMs,
    },
    rateLimitPerMinute: raw.RATE_LIMIT_PER_MINUTE,
    identity: {
      accessTokenTtlSeconds: raw.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: raw.REFRESH_TOKEN_TTL_SECONDS,
      refreshTokenRetryGraceSeconds: raw.REFRESH_TOKEN_RETRY_GRACE_SECONDS,
      invitationTtlHours: raw.INVITATION_TTL_HOURS,
      loginLimits: {
        perAccount: raw.LOGIN_ATTEMPTS_PER_ACCOUNT,
        perAddress: raw.LOGIN_ATTEMPTS_PER_ADDRESS,
        windowSeconds: raw.LOGIN_ATTEMPT_WINDOW_SECONDS,
        failureDelayMs: raw.LOGIN_FAILURE_DELAY_MS,
      },
      smtp: raw.SMTP_URL ? { url: raw.SMTP_URL, from: raw.SMTP_FROM } : null,
      oidcProviders: raw.OIDC_PROVIDERS,
    },
    gateway: {
      providers: raw.TRIBUTARY_PROVIDERS,
      upstreamTimeoutMs: raw.GATEWAY_UPSTREAM_TIMEOUT_MS,
      usageBufferSize: raw.GATEWAY_USAGE_BUFFER_SIZE,
      usageFlushMs: raw.GATEWAY_USAGE_FLUSH_MS,
      cacheTtlSeconds: raw.GATEWAY_CACHE_TTL_SECONDS,
      guardrailPolicy: raw.GATEWAY_GUARDRAIL_POLICY,
      circuit: { failures: raw.GATEWAY_CIRCUIT_FAILURES, cooldownMs: raw.GATEWAY_CIRCUIT_COOLDOWN_MS },
    },
    ingestion: {
      maxFileSizeBytes: raw.MAX_FILE_SIZE_BYTES,
      storageQuotaBytes: raw.STORAGE_QUOTA_BYTES,
      uploadsPerUserPerHour: raw.UPLOADS_PER_USER_PER_HOUR,
      concurrentUploadsPerSpace: raw.CONCURRENT_UPLOADS_PER_SPACE,
      maxConcurrentJobs: raw.INGESTION_MAX_CONCURRENT_JOBS,
      workerThreads: raw.INGESTION_WORKER_THREADS,
      workerMemoryMb: raw.INGESTION_WORKER_MEMORY_MB,
      jobTimeoutMs: raw.INGESTION_JOB_TIMEOUT_MS,
      prestartWorkers: raw.INGESTION_PRESTART_WORKERS,
      maxLineChars: raw.EXTRACTION_MAX_LINE_CHARS,
      ocr: { enabled: raw.OCR_ENABLED, languages: raw.OCR_LANGUAGES.split(",") },
      piiPolicy: raw.PII_POLICY,
      chunking: {
        strategy: raw.CHUNKING_STRATEGY,
        maxChunkSize: raw.CHUNK_MAX_SIZE,
        overlapSize: raw.CHUNK_OVERLAP,
        maxChunksPerFile: raw.MAX_CHUNKS_PER_FILE,
      },
    },
    retrieval: {
      vectorStore: raw.VECTOR_STORE,
      minScore: raw.SEARCH_MIN_SCORE,
      rerankDepth: raw.SEARCH_RERANK_DEPTH,
      embeddings: {
        provider: raw.EMBEDDING_PROVIDER,
        model: raw.EMBEDDING_MODEL,
        baseUrl: raw.EMBEDDING_BASE_URL,
        apiKey: raw.EMBEDDING_API_KEY,
        dimensions: raw.EMBEDDING_DIMENSIONS,
        modelDir: raw.EMBEDDING_MODEL_DIR,
        allowDownload: raw.EMBEDDING_ALLOW_DOWNLOAD,
        batchSize: raw.EMBEDDING_BATCH_SIZE,
        maxConcurrent: raw.EMBEDDING_MAX_CONCURRENT,
        threads: raw.EMBEDDING_THREADS,
        timeoutMs: raw.EMBEDDING_TIMEOUT_MS,
        maxRetries: raw.EMBEDDING_MAX_RETRIES,
        retryMaxWaitMs: raw.EMBEDDING_RETRY_MAX_WAIT_MS,
        cacheEntries: raw.EMBEDDING_CACHE_ENTRIES,
      },
    },
    assistant: { minTermCoverage: raw.ASSISTANT_MIN_TERM_COVERAGE, rerank: raw.ASSISTANT_RERANK },
  };
}

/** The secret key lives in the data dir when not configured, so restarts keep encrypted data readable. */
function resolveSecretKey(dataDir: string, persist: boolean): string {
  const file = path.join(dataDir, "secret.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = randomBytes(32).toString("base64");
  if (persist) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  }
  return key;
}

/** The effective configuration with secrets and URL passwords redacted, for `doctor` and logs. */
export function redactConfig(config: Config): Record<string, unknown> {
  const redactUrl = (url: string) => {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  };
  return JSON.parse(
    JSON.stringify(config, (key, value: unknown) => {
      if (key === "secretKey" || key === "secretAccessKey" || key === "client_secret" || key === "apiKey")
        return value ? "***" : value;
      if (typeof value === "string" && /^[a-z]+:\/\/[^/]*:[^/]*@/.test(value)) return redactUrl(value);
      return value;
    }),
  ) as Record<string, unknown>;
}
