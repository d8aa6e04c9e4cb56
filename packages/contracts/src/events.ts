import { z } from "zod";

/** `{domain}.{action}`, lowercase, e.g. `document.uploaded` or `space.member_added`. */
export const eventTypePattern = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
/** A subscription filter: an exact event type, or `<domain>.*` for every action of one domain. */
export const eventTypeFilterPattern = /^[a-z][a-z0-9_]*\.(?:[a-z][a-z0-9_]*|\*)$/;

export const eventTypeSchema = z.string().max(255).regex(eventTypePattern, "must look like domain.action");
export const eventTypeFilterSchema = z
  .string()
  .max(255)
  .regex(eventTypeFilterPattern, "must be domain.action or domain.*");

/** The metadata keys every producer should know; any other string key is allowed too. */
export const standardEventMetadataKeys = [
  "tenant_id",
  "space_id",
  "user_id",
  "correlation_id",
  "trace_id",
  "priority",
  "version",
] as const;

/** map<string,string> with `tenant_id` required: events are never delivered across tenants. */
export const eventMetadataSchema = z
  .object({
    tenant_id: z.string({ error: "event missing tenant_id" }).min(1, "event missing tenant_id").max(128),
    space_id: z.string().optional(),
    user_id: z.string().optional(),
    correlation_id: z.string().optional(),
    trace_id: z.string().optional(),
    priority: z.string().optional(),
    version: z.string().optional(),
  })
  .catchall(z.string());

/** The event envelope as it travels (TAS §4.2): `data` is always a JSON-encoded string on the wire. */
export const eventEnvelopeSchema = z
  .object({
    event_id: z.string().min(1).max(255),
    event_type: eventTypeSchema,
    source: z.string().min(1).max(255).describe("The originating service or module"),
    timestamp: z.number().int().nonnegative().describe("Milliseconds since the Unix epoch"),
    data: z.string().describe("The payload, JSON-encoded"),
    metadata: eventMetadataSchema,
  })
  .meta({ id: "EventEnvelope" });

export type EventMetadata = z.infer<typeof eventMetadataSchema>;
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

/** The TAS event catalog (28 types); modules may add their own `domain.action` types. */
export const tasEventTypes = [
  "document.uploaded",
  "document.processed",
  "document.updated",
  "document.deleted",
  "document.shared",
  "document.chunked",
  "document.embedded",
  "user.created",
  "user.updated",
  "user.deleted",
  "user.authenticated",
  "user.onboarded",
  "space.created",
  "space.updated",
  "space.deleted",
  "space.member_added",
  "space.member_removed",
  "processing.started",
  "processing.completed",
  "processing.failed",
  "processing.chunk_created",
  "processing.embedding_created",
  "agent.created",
  "agent.updated",
  "agent.deleted",
  "agent.executed",
  "agent.execution_completed",
  "agent.execution_failed",
] as const;

export type TasEventType = (typeof tasEventTypes)[number];
