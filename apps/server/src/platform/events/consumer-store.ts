import type { Sql, SqlTx } from "../sql/port.js";
import type { BusEvent, DeadLetter } from "./port.js";

/** Counts one failed delivery outside the rolled-back handler transaction; returns the attempts so far. */
export async function recordFailure(
  sql: Sql,
  consumer: string,
  event: BusEvent,
  attempt: number,
  error: string,
): Promise<number> {
  const [row] = await sql.withSystem((tx) =>
    tx.query<{ attempts: number }>(
      `INSERT INTO event_delivery_failures (consumer, event_id, tenant_id, attempts, last_error)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (consumer, event_id) DO UPDATE
         SET attempts = GREATEST(event_delivery_failures.attempts + 1, EXCLUDED.attempts),
             last_error = EXCLUDED.last_error, updated_at = now()
       RETURNING attempts`,
      [consumer, event.event_id, event.metadata.tenant_id, attempt, error],
    ),
  );
  return row?.attempts ?? attempt;
}

/**
 * Gives up on an event for one consumer: the dead letter keeps the event and its last error, and the
 * consumption record makes any later redelivery a no-op (a replay clears it and tries again).
 */
export async function deadLetter(
  sql: Sql,
  consumer: string,
  event: BusEvent,
  attempts: number,
  error: string,
): Promise<void> {
  await sql.withSystem(async (tx) => {
    await tx.query(
      `INSERT INTO event_dead_letters (consumer, event_id, tenant_id, event, attempts, last_error)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6)
       ON CONFLICT (consumer, event_id) DO UPDATE
         SET event = EXCLUDED.event, attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error, dead_at = now()`,
      [consumer, event.event_id, event.metadata.tenant_id, JSON.stringify(event), attempts, error],
    );
    await tx.query(
      `INSERT INTO event_consumptions (consumer, event_id, tenant_id) VALUES ($1, $2, $3)
       ON CONFLICT (consumer, event_id) DO NOTHING`,
      [consumer, event.event_id, event.metadata.tenant_id],
    );
    await tx.query("DELETE FROM event_delivery_failures WHERE consumer = $1 AND event_id = $2", [
      consumer,
      event.event_id,
    ]);
  });
}

export async function listDeadLetters(sql: Sql, consumer?: string): Promise<DeadLetter[]> {
  const rows = await sql.withSystem((tx) =>
    tx.query<{ consumer: string; event: BusEvent; attempts: number; last_error: string; dead_at: Date }>(
      `SELECT consumer, event, attempts, last_error, dead_at FROM event_dead_letters
       WHERE $1::text IS NULL OR consumer = $1 ORDER BY dead_at DESC, event_id DESC LIMIT 1000`,
      [consumer ?? null],
    ),
  );
  return rows.map((row) => ({
    consumer: row.consumer,
    event: row.event,
    attempts: row.attempts,
    lastError: row.last_error,
    deadAt: row.dead_at,
  }));
}

/** Forgets that `consumer` processed these events, so a replay delivers them afresh. */
export async function clearConsumptions(
  tx: SqlTx,
  consumer: string,
  eventIds: readonly string[],
): Promise<void> {
  if (eventIds.length === 0) return;
  await tx.query("DELETE FROM event_consumptions WHERE consumer = $1 AND event_id = ANY($2::text[])", [
    consumer,
    eventIds,
  ]);
  await tx.query("DELETE FROM event_delivery_failures WHERE consumer = $1 AND event_id = ANY($2::text[])", [
    consumer,
    eventIds,
  ]);
}
