import { eventMetadataSchema, eventTypeSchema } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import { AppError } from "../errors/index.js";
import type { SqlTx } from "../sql/port.js";
import { type OutboxRow, outboxColumns, rowToEvent } from "./outbox-store.js";
import type { BusEvent, EventMetadata, JsonValue } from "./port.js";

export interface AppendEventInput {
  /** `{domain}.{action}`, e.g. `document.uploaded`. */
  type: string;
  /** The producing module or service, e.g. `documents`. */
  source: string;
  data: JsonValue;
  /** `tenant_id` is required and must be the transaction's tenant (RLS refuses any other). */
  metadata: EventMetadata;
  /** Only for ingesting events that already have an id; a repeated id is not stored twice. */
  eventId?: string;
}

/**
 * Writes an event to the outbox inside the caller's transaction, so it exists only if the state it
 * describes commits. Call `EventBus.notify()` after the commit for prompt delivery.
 */
export async function appendEvent(tx: SqlTx, input: AppendEventInput): Promise<BusEvent> {
  const metadata = parseOrThrow(eventMetadataSchema, input.metadata, "metadata");
  const type = parseOrThrow(eventTypeSchema, input.type, "type");
  if (!input.source || input.source.length > 255) throw invalid("source", "must be 1 to 255 characters");
  const eventId = input.eventId ?? uuidv7();
  if (eventId.length === 0 || eventId.length > 255) throw invalid("eventId", "must be 1 to 255 characters");
  const event: BusEvent = {
    event_id: eventId,
    event_type: type,
    source: input.source,
    timestamp: Date.now(),
    data: input.data,
    metadata,
  };
  const inserted = await tx.query(
    `INSERT INTO outbox_events (event_id, event_type, source, timestamp_ms, tenant_id, data, metadata)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)
     ON CONFLICT (event_id) DO NOTHING RETURNING position`,
    [
      eventId,
      type,
      event.source,
      event.timestamp,
      metadata.tenant_id,
      JSON.stringify(input.data),
      JSON.stringify(metadata),
    ],
  );
  if (inserted.length > 0) return event;
  // Ingest is idempotent: the first copy stands. One the tenant cannot see belongs to another tenant.
  const [existing] = await tx.query<OutboxRow>(
    `SELECT ${outboxColumns} FROM outbox_events WHERE event_id = $1`,
    [eventId],
  );
  if (!existing) throw new AppError("CONFLICT", `event id ${eventId} is already taken`);
  return rowToEvent(existing);
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(field, result.error.issues.map((issue) => issue.message).join("; "));
  return result.data;
}

function invalid(field: string, message: string): AppError {
  return new AppError("VALIDATION_ERROR", `invalid event ${field}: ${message}`, { details: { field } });
}
