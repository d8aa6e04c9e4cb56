import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`,
    )
    .optional();
const positiveInt = z.coerce.number().int().positive();
const positiveIntLiteral = z.number().int().positive();
const bool = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", "yes", "no"])])
  .transform((value) => value === true || value === "true" || value === "1" || value === "yes");

/** One OpenID Connect identity provider (OIDC_PROVIDERS is a JSON array of these). */
export const oidcProviderSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]{1,40}$/, "provider names are lower-case letters, digits and dashes"),
    display_name: z.string().min(1).max(80).optional(),
    issuer: z.url(),
    client_id: z.string().min(1),
    client_secret: z.string().min(1).optional(),
    scopes: z.array(z.string().min(1)).default(["openid", "email", "profile"]),
    /** Audiences accepted on the provider's own access tokens used as Bearer tokens. */
    audiences: z.array(z.string().min(1)).default([]),
    /** Provider role (from `roles`, `groups` or Keycloak's `realm_access.roles`) → platform role. */
    role_map: z.record(z.string(), z.enum(["admin", "user", "developer"])).default({}),
  })
  .strict();

const modelPricesSchema = z
  .object({
    input: z.number().min(0),
    cached_input: z.number().min(0).optional(),
    cache_write: z.number().min(0).optional(),
    output: z.number().min(0),
    reasoning: z.number().min(0).optional(),
  })
  .strict()
  .describe("USD per one million tokens, per token class");

/** One model a declared provider serves: a bare name, or its details. */
export const declaredModelSchema = z.union([
  z.string().min(1).max(200),
  z
    .object({
      name: z.string().min(1).max(200),
      upstream_model: z.string().min(1).max(200).optional(),
      kind: z.enum(["chat", "embedding"]).default("chat"),
      aliases: z.array(z.string().min(1).max(200)).default([]),
      weight: z.number().int().min(0).max(1000).default(1),
      prices: modelPricesSchema.optional(),
      capabilities: z.array(z.string().min(1)).optional(),
      context_window: positiveIntLiteral.optional(),
      max_output_tokens: positiveIntLiteral.optional(),
      quality_rank: z.number().int().min(0).max(100).optional(),
      model_path: z.string().min(1).optional(),
    })
    .strict(),
]);

/** One upstream LLM provider declared at start-up (TRIBUTARY_PROVIDERS is a JSON array of these). */
export const declaredProviderSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "provider names are lower-case letters, digits, dots, dashes"),
    type: z.enum(["openai", "anthropic", "openai_compatible", "local"]),
    base_url: z.url().optional(),
    api_key: z.string().min(1).optional(),
    headers: z.record(z.string(), z.string()).default({}),
    timeout_ms: positiveIntLiteral.optional(),
    models: z.array(declaredModelSchema).min(1),
    // `local` providers only: the GGUF file of models that name none, and how they run.
    model_path: z.string().min(1).optional(),
    context_size: positiveIntLiteral.max(1_048_576).optional(),
    gpu: z.union([z.literal(false), z.enum(["auto", "cuda", "vulkan", "metal"])]).optional(),
    threads: positiveIntLiteral.max(1024).optional(),
    sequences: positiveIntLiteral.max(64).optional(),
  })
  .strict();

const jsonArray = <T extends z.ZodType>(item: T, what: string) =>
  z
    .string()
    .default("[]")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: `must be a JSON array of ${what}` });
        return z.NEVER;
      }
    })
    .pipe(z.array(item));

/** Every setting Tributary reads, as environment variable names. Parsed once at start. */
export const configSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  TRIBUTARY_DATA_DIR: z.string().min(1).default("./.tributary"),
  TRIBUTARY_ROLE: z.enum(["all", "api", "worker", "scheduler"]).default("all"),
  TRIBUTARY_SECRET_KEY: z
    .string()
    .regex(
      /^[A-Za-z0-9+/=_-]{32,}$/,
      "must be at least 32 base64 characters (e.g. `openssl rand -base64 32`)",
    )
    .optional(),
  TRIBUTARY_PUBLIC_URL: optionalUrl(["http:", "https:"]),
  DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
  DATABASE_MIGRATION_URL: optionalUrl(["postgres:", "postgresql:"]),
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case PostgreSQL role name")
    .default("tributary_app"),
  DATABASE_POOL_SIZE: positiveInt.max(200).default(10),
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9][0-9]*(kB|MB|GB)$/, "must be a PostgreSQL memory size such as 16MB")
    .default("16MB"),
  REDIS_URL: optionalUrl(["redis:", "rediss:"]),
  NATS_URL: optionalUrl(["nats:", "tls:", "ws:", "wss:"]),
  NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("TRIBUTARY_EVENTS"),
  S3_ENDPOINT: optionalUrl(["http:", "https:"]),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(["http:", "https:"]),
  CORS_ORIGINS: z.string().default(""),
  HTTP_BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  // How far below the main thread the process's other threads run (Linux; 0 leaves them equal).
  BACKGROUND_THREAD_NICENESS: z.coerce.number().int().min(0).max(19).default(10),
  EVENTS_MAX_DELIVERIES: positiveInt.max(100).default(5),
  EVENTS_RETENTION_DAYS: positiveInt.default(7),
  // Fallback polls: unset, they depend on the database (see embeddedPollIntervals in load-config).
  EVENTS_POLL_INTERVAL_MS: positiveInt.optional(),
  JOBS_VISIBILITY_TIMEOUT_MS: positiveInt.default(30_000),
  JOBS_MAX_ATTEMPTS: positiveInt.max(100).default(5),
  JOBS_TENANT_CONCURRENCY: positiveInt.default(4),
  JOBS_POLL_INTERVAL_MS: positiveInt.optional(),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt.max(86_400).default(300),
  REFRESH_TOKEN_TTL_SECONDS: positiveInt.default(30 * 86_400),
  REFRESH_TOKEN_RETRY_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  INVITATION_TTL_HOURS: positiveInt.default(168),
  LOGIN_ATTEMPTS_PER_ACCOUNT: positiveInt.default(5),
  LOGIN_ATTEMPTS_PER_ADDRESS: positiveInt.default(30),
  LOGIN_ATTEMPT_WINDOW_SECONDS: positiveInt.default(900),
  LOGIN_FAILURE_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  SMTP_URL: optionalUrl(["smtp:", "smtps:"]),
  SMTP_FROM: z.string().email().default("tributary@localhost"),
  OIDC_PROVIDERS: jsonArray(oidcProviderSchema, "providers"),
  TRIBUTARY_PROVIDERS: jsonArray(declaredProviderSchema, "LLM providers"),
  GATEWAY_UPSTREAM_TIMEOUT_MS: positiveInt.default(120_000),
  GATEWAY_USAGE_BUFFER_SIZE: positiveInt.default(10_000),
  // Usage rows wait at most this long in memory; each flush costs every call in flight a little (decision 0027).
  GATEWAY_USAGE_FLUSH_MS: positiveInt.default(1_000),
  GATEWAY_CACHE_TTL_SECONDS: positiveInt.default(300),
  GATEWAY_GUARDRAIL_POLICY: z.enum(["off", "detect", "redact", "block"]).default("off"),
  GATEWAY_CIRCUIT_FAILURES: positiveInt.default(5),
  GATEWAY_CIRCUIT_COOLDOWN_MS: positiveInt.default(30_000),
  MAX_FILE_SIZE_BYTES: positiveInt.default(104_857_600),
  STORAGE_QUOTA_BYTES: positiveInt.default(10 * 1024 ** 3),
  UPLOADS_PER_USER_PER_HOUR: positiveInt.default(100),
  CONCURRENT_UPLOADS_PER_SPACE: positiveInt.default(10),
  INGESTION_MAX_CONCURRENT_JOBS: positiveInt.default(4),
  INGESTION_WORKER_THREADS: positiveInt.max(64).default(1),
  INGESTION_WORKER_MEMORY_MB: positiveInt.default(1024),
  INGESTION_JOB_TIMEOUT_MS: positiveInt.default(600_000),
  // Start the processing workers with the worker role, so the first document does not wait while
  // a worker loads the extraction libraries (seconds). Test instances turn it off.
  INGESTION_PRESTART_WORKERS: bool.default(true),
  // A text "line" longer than this is a dump (minified data, binary read as text), not a document.
  EXTRACTION_MAX_LINE_CHARS: positiveInt.default(1_000_000),
  OCR_ENABLED: bool.default(true),
  OCR_LANGUAGES: z
    .string()
    .regex(/^[a-z]{3}(,[a-z]{3})*$/, "must be tesseract language codes such as eng,fra")
    .default("eng"),
  PII_POLICY: z.enum(["detect", "redact", "block"]).default("detect"),
  CHUNKING_STRATEGY: z.enum(["fixed", "sentence", "paragraph", "semantic", "markdown"]).default("semantic"),
  CHUNK_MAX_SIZE: positiveInt.max(100_000).default(1000),
  CHUNK_OVERLAP: z.coerce.number().int().min(0).default(200),
  MAX_CHUNKS_PER_FILE: positiveInt.default(10_000),
  // Retrieval. `disabled` runs without vector search (on a PostgreSQL without pgvector, say);
  // `pgvector` (the default) stops at start with the exact fix when the extension is missing.
  VECTOR_STORE: z.enum(["pgvector", "disabled"]).default("pgvector"),
  // Unset: `onnx` when EMBEDDING_MODEL_DIR holds a model, else `openai_compatible` when
  // EMBEDDING_BASE_URL is set, else the built-in deterministic `lexical` embedder (announced loudly).
  // `sentence_encoder` is the bundled Universal Sentence Encoder lite (decision 0015).
  EMBEDDING_PROVIDER: z
    .enum(["lexical", "onnx", "sentence_encoder", "openai_compatible", "ollama"])
    .optional(),
  EMBEDDING_MODEL: z.string().trim().min(1).max(200).optional(),
  EMBEDDING_BASE_URL: optionalUrl(["http:", "https:"]),
  EMBEDDING_API_KEY: z.string().min(1).optional(),
  EMBEDDING_DIMENSIONS: positiveInt.max(10_000).optional(),
  EMBEDDING_MODEL_DIR: z.string().min(1).optional(),
  EMBEDDING_ALLOW_DOWNLOAD: bool.default(true),
  EMBEDDING_BATCH_SIZE: positiveInt.max(2048).default(100),
  EMBEDDING_MAX_CONCURRENT: positiveInt.max(64).default(4),
  // Worker threads of the bundled sentence encoder, each with its own copy of the model.
  EMBEDDING_THREADS: positiveInt.max(16).default(1),
  EMBEDDING_TIMEOUT_MS: positiveInt.default(30_000),
  EMBEDDING_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  EMBEDDING_RETRY_MAX_WAIT_MS: positiveInt.default(60_000),
  EMBEDDING_CACHE_ENTRIES: z.coerce.number().int().min(0).default(1000),
  SEARCH_MIN_SCORE: z.coerce.number().min(0).max(1).default(0),
  SEARCH_RERANK_DEPTH: z.coerce.number().int().min(1).max(200).default(30),
  // Share of a question's key terms a passage must contain to count as the assistant's evidence
  // (0 turns the gate off and leaves "not found" to the search's min_score alone).
  ASSISTANT_MIN_TERM_COVERAGE: z.coerce.number().min(0).max(1).default(0.5),
  ASSISTANT_RERANK: z.enum(["auto", "on", "off"]).default("auto"),
});

export type RawConfig = z.infer<typeof configSchema>;
