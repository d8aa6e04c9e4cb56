import type { Sql } from "../../platform/sql/index.js";
import type { UsageRow } from "./usage-record.js";

/** Writes usage rows; the recorder retries a batch whose write throws. */
export type UsageWriter = (rows: readonly UsageRow[]) => Promise<void>;

const columns = `id uuid, tenant_id text, space_id text, user_id uuid, api_key_id uuid, application_id text,
  request_id text, endpoint text, protocol text, requested_model text, model text, provider text,
  deployment_id text, input_tokens integer, cached_input_tokens integer, cache_write_tokens integer,
  output_tokens integer, reasoning_tokens integer, cost_usd numeric, price_version text, estimated boolean,
  latency_ms integer, overhead_ms real, status text, http_status smallint, error_code text, cache_hit boolean,
  fallback_used boolean, attempt_count integer, guardrail jsonb, stream boolean, created_at timestamptz`;
const names = columns
  .split(",")
  .map((column) => column.trim().split(" ")[0])
  .join(", ");

/**
 * One INSERT per batch, whatever its tenants: the rows travel as one JSON parameter (no limit on
 * bind parameters, one plan), in a system transaction that the table's policy admits for writes
 * that span tenants. A repeated id (a retried batch that had committed) is skipped.
 */
export function sqlUsageWriter(sql: Sql): UsageWriter {
  return async (rows) => {
    if (rows.length === 0) return;
    await sql.withSystem((tx) =>
      tx.query(
        `INSERT INTO usage_records (${names})
         SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${columns})
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(rows)],
      ),
    );
  };
}
