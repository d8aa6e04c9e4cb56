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
const bool = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", "yes", "no"])])
  .transform((value) => value === true || value === "true" || value === "1" || value === "yes");

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
  EVENTS_MAX_DELIVERIES: positiveInt.max(100).default(5),
  EVENTS_RETENTION_DAYS: positiveInt.default(7),
  JOBS_VISIBILITY_TIMEOUT_MS: positiveInt.default(30_000),
  JOBS_MAX_ATTEMPTS: positiveInt.max(100).default(5),
  JOBS_TENANT_CONCURRENCY: positiveInt.default(4),
  JOBS_POLL_INTERVAL_MS: positiveInt.default(500),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
});

export type RawConfig = z.infer<typeof configSchema>;
