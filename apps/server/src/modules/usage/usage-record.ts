import { z } from "zod";
import { pooledUuidV7 } from "../../platform/crypto/index.js";

/**
 * One gateway call, as the gateway reports it. Token fields share their names with the gateway's
 * `TokenUsage`, so a usage object spreads straight in: `inputTokens` is every prompt token (cached
 * and cache writes included) and `outputTokens` every generated one (reasoning included).
 */
export interface UsageRecordInput {
  /** Minted (UUIDv7) when absent; a retried write of the same id is stored once. */
  readonly id?: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly userId: string;
  readonly apiKeyId: string | null;
  readonly applicationId: string | null;
  readonly requestId: string;
  readonly endpoint: "chat" | "messages" | "embeddings";
  readonly protocol: "openai" | "anthropic";
  readonly requestedModel: string;
  readonly model: string;
  readonly provider: string;
  /** Null (or empty) when no deployment was reached, e.g. a cache hit or a refusal. */
  readonly deploymentId: string | null;
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly cacheWriteTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
  readonly costUsd: number;
  /** The price table's version the cost was computed with; null (or empty) when unknown. */
  readonly priceVersion: string | null;
  /** True when we counted the tokens because the provider reported none. */
  readonly estimated: boolean;
  readonly latencyMs: number;
  /** Time the gateway itself added (fractions of a millisecond are kept). */
  readonly overheadMs: number;
  readonly status: "success" | "error" | "cancelled";
  readonly httpStatus: number;
  readonly errorCode: string | null;
  readonly cacheHit: boolean;
  readonly fallbackUsed: boolean;
  readonly attemptCount: number;
  /** What guardrails decided, if any ran; stored as given. */
  readonly guardrail: unknown;
  readonly stream: boolean;
  /** When the call started; the time of `record()` when absent. */
  readonly createdAt?: Date;
}

/** A record as the table stores it; the batch writer sends these as JSON. */
export interface UsageRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly space_id: string;
  readonly user_id: string;
  readonly api_key_id: string | null;
  readonly application_id: string | null;
  readonly request_id: string;
  readonly endpoint: string;
  readonly protocol: string;
  readonly requested_model: string;
  readonly model: string;
  readonly provider: string;
  readonly deployment_id: string | null;
  readonly input_tokens: number;
  readonly cached_input_tokens: number;
  readonly cache_write_tokens: number;
  readonly output_tokens: number;
  readonly reasoning_tokens: number;
  readonly cost_usd: number;
  readonly price_version: string | null;
  readonly estimated: boolean;
  readonly latency_ms: number;
  readonly overhead_ms: number;
  readonly status: string;
  readonly http_status: number;
  readonly error_code: string | null;
  readonly cache_hit: boolean;
  readonly fallback_used: boolean;
  readonly attempt_count: number;
  readonly guardrail: unknown;
  readonly stream: boolean;
  readonly created_at: string;
}

// Free text may be empty (a client that sent no request id); only the ids that scope a record may not.
const text = (max: number) => z.string().max(max);
const count = z.number().int().min(0).max(2_147_483_647);

// Checked when recorded, so a bad record fails its caller at once instead of blocking a batch later.
const inputSchema = z.object({
  id: z.guid().optional(),
  tenantId: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/),
  spaceId: z.string().min(1).max(128),
  userId: z.guid(),
  apiKeyId: z.guid().nullable(),
  applicationId: text(255).nullable(),
  requestId: text(255),
  endpoint: z.enum(["chat", "messages", "embeddings"]),
  protocol: z.enum(["openai", "anthropic"]),
  requestedModel: z.string().max(255),
  model: z.string().max(255),
  provider: z.string().max(255),
  deploymentId: z.string().max(255).nullable(),
  inputTokens: count,
  cachedInputTokens: count,
  cacheWriteTokens: count,
  outputTokens: count,
  reasoningTokens: count,
  costUsd: z.number().min(0).max(1e9),
  priceVersion: z.string().max(255).nullable(),
  estimated: z.boolean(),
  latencyMs: z.number().min(0).max(2_147_483_647),
  overheadMs: z.number().min(0).max(1e9),
  status: z.enum(["success", "error", "cancelled"]),
  httpStatus: z.number().int().min(0).max(999),
  errorCode: text(255).nullable(),
  cacheHit: z.boolean(),
  fallbackUsed: z.boolean(),
  attemptCount: count,
  guardrail: z.unknown(),
  stream: z.boolean(),
  createdAt: z.date().optional(),
});

/** Validates a record and turns it into a row; throws a TypeError naming the bad fields. */
export function toUsageRow(input: UsageRecordInput, now: Date = new Date()): UsageRow {
  const r = passesPlainChecks(input) ? input : parseWithSchema(input);
  if (!isJsonable(r.guardrail)) throw new TypeError("invalid usage record: guardrail: must be JSON");
  return {
    id: r.id ?? pooledUuidV7(),
    tenant_id: r.tenantId,
    space_id: r.spaceId,
    user_id: r.userId,
    api_key_id: r.apiKeyId,
    application_id: r.applicationId,
    request_id: r.requestId,
    endpoint: r.endpoint,
    protocol: r.protocol,
    requested_model: r.requestedModel,
    model: r.model,
    provider: r.provider,
    deployment_id: r.deploymentId || null,
    input_tokens: r.inputTokens,
    cached_input_tokens: r.cachedInputTokens,
    cache_write_tokens: r.cacheWriteTokens,
    output_tokens: r.outputTokens,
    reasoning_tokens: r.reasoningTokens,
    cost_usd: r.costUsd,
    price_version: r.priceVersion || null,
    estimated: r.estimated,
    latency_ms: Math.round(r.latencyMs),
    overhead_ms: r.overheadMs,
    status: r.status,
    http_status: r.httpStatus,
    error_code: r.errorCode,
    cache_hit: r.cacheHit,
    fallback_used: r.fallbackUsed,
    attempt_count: r.attemptCount,
    guardrail: r.guardrail ?? null,
    stream: r.stream,
    created_at: (r.createdAt ?? now).toISOString(),
  };
}

function parseWithSchema(input: UsageRecordInput): UsageRecordInput {
  const parsed = inputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new TypeError(`invalid usage record: ${fields.join("; ")}`);
}

const guidPattern = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const tenantIdPattern = /^[A-Za-z0-9_.:-]{1,128}$/;
const endpoints: ReadonlySet<unknown> = new Set(["chat", "messages", "embeddings"]);
const protocols: ReadonlySet<unknown> = new Set(["openai", "anthropic"]);
const statuses: ReadonlySet<unknown> = new Set(["success", "error", "cancelled"]);

/**
 * `inputSchema` as plain checks, for the hot path: zod costs several microseconds per record,
 * these a fraction of one. A record they refuse goes through the schema, which names the bad
 * field, so they may refuse more than the schema but never less (usage-record.test.ts holds them
 * to the same verdicts). Change both together.
 */
function passesPlainChecks(r: UsageRecordInput): boolean {
  return (
    (r.id === undefined || isGuid(r.id)) &&
    typeof r.tenantId === "string" &&
    tenantIdPattern.test(r.tenantId) &&
    isText(r.spaceId, 128) &&
    r.spaceId.length > 0 &&
    isGuid(r.userId) &&
    (r.apiKeyId === null || isGuid(r.apiKeyId)) &&
    (r.applicationId === null || isText(r.applicationId, 255)) &&
    isText(r.requestId, 255) &&
    endpoints.has(r.endpoint) &&
    protocols.has(r.protocol) &&
    isText(r.requestedModel, 255) &&
    isText(r.model, 255) &&
    isText(r.provider, 255) &&
    (r.deploymentId === null || isText(r.deploymentId, 255)) &&
    isCount(r.inputTokens) &&
    isCount(r.cachedInputTokens) &&
    isCount(r.cacheWriteTokens) &&
    isCount(r.outputTokens) &&
    isCount(r.reasoningTokens) &&
    isWithin(r.costUsd, 1e9) &&
    (r.priceVersion === null || isText(r.priceVersion, 255)) &&
    typeof r.estimated === "boolean" &&
    isWithin(r.latencyMs, 2_147_483_647) &&
    isWithin(r.overheadMs, 1e9) &&
    statuses.has(r.status) &&
    Number.isInteger(r.httpStatus) &&
    isWithin(r.httpStatus, 999) &&
    (r.errorCode === null || isText(r.errorCode, 255)) &&
    typeof r.cacheHit === "boolean" &&
    typeof r.fallbackUsed === "boolean" &&
    isCount(r.attemptCount) &&
    typeof r.stream === "boolean" &&
    (r.createdAt === undefined || (r.createdAt instanceof Date && !Number.isNaN(r.createdAt.getTime())))
  );
}

function isGuid(value: unknown): boolean {
  return typeof value === "string" && guidPattern.test(value);
}

function isText(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length <= max;
}

/** A finite number from 0 to `max` (NaN fails both comparisons). */
function isWithin(value: unknown, max: number): boolean {
  return typeof value === "number" && value >= 0 && value <= max;
}

function isCount(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647;
}

function isJsonable(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}
