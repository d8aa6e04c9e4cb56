import type { Sql, SqlTx } from "../sql/port.js";
import { splitFilters } from "./event-filters.js";
import type { BusEvent, EventMetadata, JsonValue } from "./port.js";

/** One row of `outbox_events` as the relay reads it. */
export interface OutboxRow {
  position: number;
  event_id: string;
  event_type: string;
  source: string;
  timestamp_ms: number;
  data: JsonValue;
  metadata: EventMetadata;
  [column: string]: unknown;
}

export const outboxColumns = "position, event_id, event_type, source, timestamp_ms, data, metadata";

export function rowToEvent(row: OutboxRow): BusEvent {
  return {
    event_id: row.event_id,
    event_type: row.event_type,
    source: row.source,
    timestamp: row.timestamp_ms,
    data: row.data,
    metadata: row.metadata,
  };
}

/**
 * The oldest unpublished rows in outbox order. With `lock`, rows another relay holds are skipped and
 * the caller's transaction keeps them until it commits, so two relays never publish the same row at once.
 */
export function readUnpublished(tx: SqlTx, limit: number, lock: boolean): Promise<OutboxRow[]> {
  return tx.query<OutboxRow>(
    `SELECT ${outboxColumns} FROM outbox_events WHERE published_at IS NULL
     ORDER BY position LIMIT $1 ${lock ? "FOR UPDATE SKIP LOCKED" : ""}`,
    [limit],
  );
}

export async function markPublished(tx: SqlTx, positions: readonly number[]): Promise<void> {
  if (positions.length === 0) return;
  await tx.query("UPDATE outbox_events SET published_at = now() WHERE position = ANY($1::bigint[])", [
    positions,
  ]);
}

/** Which of `eventIds` each consumer has already processed (or dead-lettered), as `consumer\0event_id` keys. */
export async function consumedKeys(tx: SqlTx, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await tx.query<{ consumer: string; event_id: string }>(
    "SELECT consumer, event_id FROM event_consumptions WHERE event_id = ANY($1::text[])",
    [eventIds],
  );
  return new Set(rows.map((row) => consumptionKey(row.consumer, row.event_id)));
}

export function consumptionKey(consumer: string, eventId: string): string {
  return `${consumer}\u0000${eventId}`;
}

/** A page of stored events matching `filters` with `timestamp >= since`, after the `after` cursor. */
export function readSince(
  tx: SqlTx,
  options: {
    since: number;
    filters: readonly string[];
    after: { timestamp: number; position: number } | null;
    limit: number;
  },
): Promise<OutboxRow[]> {
  const { types, domains } = splitFilters(options.filters);
  const after = options.after ?? { timestamp: options.since, position: 0 };
  return tx.query<OutboxRow>(
    `SELECT ${outboxColumns} FROM outbox_events
     WHERE timestamp_ms >= $1 AND (timestamp_ms, position) > ($2, $3)
       AND (event_type = ANY($4::text[]) OR split_part(event_type, '.', 1) = ANY($5::text[]))
     ORDER BY timestamp_ms, position LIMIT $6`,
    [options.since, after.timestamp, after.position, types, domains, options.limit],
  );
}

/** Age in ms of the oldest event not yet published; 0 when there is none. */
export async function readOutboxLagMs(sql: Sql): Promise<number> {
  const [row] = await sql.withSystem((tx) =>
    tx.query<{ lag: number | null }>(
      `SELECT (extract(epoch FROM now() - min(created_at)) * 1000)::bigint AS lag
       FROM outbox_events WHERE published_at IS NULL`,
    ),
  );
  return Math.max(0, row?.lag ?? 0);
}

/** Drops published events and consumption records older than the retention period. */
export async function pruneEvents(sql: Sql, retentionDays: number): Promise<void> {
  const cutoffMs = Date.now() - retentionDays * 86_400_000;
  await sql.withSystem(async (tx) => {
    await tx.query("DELETE FROM outbox_events WHERE published_at IS NOT NULL AND timestamp_ms < $1", [
      cutoffMs,
    ]);
    await tx.query("DELETE FROM event_consumptions WHERE processed_at < to_timestamp($1 / 1000.0)", [
      cutoffMs,
    ]);
  });
}
