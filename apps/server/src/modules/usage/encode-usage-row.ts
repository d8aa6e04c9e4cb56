import type { UsageRow } from "./usage-record.js";

/** The `usage_records` columns a row fills, in the order an encoded row lists their values. */
export const usageColumns = [
  ["id", "uuid"],
  ["tenant_id", "text"],
  ["space_id", "text"],
  ["user_id", "uuid"],
  ["api_key_id", "uuid"],
  ["application_id", "text"],
  ["request_id", "text"],
  ["endpoint", "text"],
  ["protocol", "text"],
  ["requested_model", "text"],
  ["model", "text"],
  ["provider", "text"],
  ["deployment_id", "text"],
  ["input_tokens", "integer"],
  ["cached_input_tokens", "integer"],
  ["cache_write_tokens", "integer"],
  ["output_tokens", "integer"],
  ["reasoning_tokens", "integer"],
  ["cost_usd", "numeric"],
  ["price_version", "text"],
  ["estimated", "boolean"],
  ["latency_ms", "integer"],
  ["overhead_ms", "real"],
  ["status", "text"],
  ["http_status", "smallint"],
  ["error_code", "text"],
  ["cache_hit", "boolean"],
  ["fallback_used", "boolean"],
  ["attempt_count", "integer"],
  ["guardrail", "jsonb"],
  ["stream", "boolean"],
  ["created_at", "timestamptz"],
] as const satisfies ReadonlyArray<readonly [keyof UsageRow, string]>;

/** A usage row as the JSON array of its column values, in `usageColumns` order. */
export type EncodedUsageRow = string & { readonly __encodedUsageRow: true };

/**
 * Encodes a row the moment it is recorded rather than keeping an object of 32 fields: a batch
 * write then only joins strings (no serialising hundreds of objects in one go on the event loop,
 * about half the bytes without the keys), and the text waits for its write as bytes off the
 * JavaScript heap (`UsageRowQueue`), where the garbage collector neither copies nor scans it.
 */
export function encodeUsageRow(row: UsageRow): EncodedUsageRow {
  const values: unknown[] = new Array(usageColumns.length);
  for (let index = 0; index < usageColumns.length; index++) {
    values[index] = row[(usageColumns[index] as (typeof usageColumns)[number])[0]];
  }
  return JSON.stringify(values) as EncodedUsageRow;
}

/** The row back, for logs and tests. */
export function decodeUsageRow(encoded: EncodedUsageRow): UsageRow {
  const values = JSON.parse(encoded) as unknown[];
  return Object.fromEntries(
    usageColumns.map(([name], index) => [name, values[index]]),
  ) as unknown as UsageRow;
}
