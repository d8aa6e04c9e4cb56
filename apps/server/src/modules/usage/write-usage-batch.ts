import type { Sql } from "../../platform/sql/index.js";
import { type EncodedUsageRow, usageColumns } from "./encode-usage-row.js";

/** Writes encoded usage rows; the recorder retries a batch whose write throws. */
export type UsageWriter = (rows: readonly EncodedUsageRow[]) => Promise<void>;

const names = usageColumns.map(([name]) => name).join(", ");
// A JSON null is SQL NULL in every column, guardrail's included (as jsonb_to_recordset had it).
const values = usageColumns
  .map(([name, type], index) =>
    type === "jsonb" ? `NULLIF(r->${index}, 'null'::jsonb) AS ${name}` : `(r->>${index})::${type} AS ${name}`,
  )
  .join(", ");

/**
 * One INSERT per batch, whatever its tenants: the rows travel as one JSON parameter, an array of
 * value arrays (no limit on bind parameters, one plan, no keys repeated per row), in a system
 * transaction that the table's policy admits for writes that span tenants. A repeated id (a
 * retried batch that had committed) is skipped.
 */
export function sqlUsageWriter(sql: Sql): UsageWriter {
  return async (rows) => {
    if (rows.length === 0) return;
    await sql.withSystem((tx) =>
      tx.query(
        `INSERT INTO usage_records (${names})
         SELECT ${values} FROM jsonb_array_elements($1::jsonb) AS r
         ON CONFLICT (id) DO NOTHING`,
        [`[${rows.join(",")}]`],
      ),
    );
  };
}
