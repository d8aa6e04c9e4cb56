import { type EventEnvelope, eventEnvelopeSchema } from "@tributary/contracts";
import type { BusEvent, JsonValue } from "./port.js";

/** Production subjects: `tributary.events.<domain>.<action>`. Tests use their own prefix per stream. */
export const defaultSubjectPrefix = "tributary.events";

/** The subjects of one stream. JetStream refuses two streams with overlapping subjects. */
export interface EventSubjects {
  readonly all: string;
  of(eventType: string): string;
  /** `document.*` maps onto the NATS `*` token as is: event types have exactly two tokens. */
  filters(filters: readonly string[]): string[];
}

export function eventSubjects(prefix: string = defaultSubjectPrefix): EventSubjects {
  const of = (eventType: string) => `${prefix}.${eventType}`;
  return { all: `${prefix}.>`, of, filters: (filters) => filters.map(of) };
}

/** The TAS wire envelope: `data` JSON-encoded into a string. */
export function encodeEnvelope(event: BusEvent): string {
  const envelope: EventEnvelope = { ...event, data: JSON.stringify(event.data) };
  return JSON.stringify(envelope);
}

/** Parses and validates a message body; throws on anything that is not a well-formed envelope. */
export function decodeEnvelope(body: string): BusEvent {
  const envelope = eventEnvelopeSchema.parse(JSON.parse(body));
  return { ...envelope, data: JSON.parse(envelope.data) as JsonValue };
}
