import type { EventMetadata } from "@tributary/contracts";
import type { SqlTx } from "../sql/port.js";

export type { EventMetadata };

/** Any value JSON can carry; event payloads are stored as jsonb and sent as a JSON string. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * An event as handlers see it: the TAS envelope (§4.2) with `data` already decoded.
 * On the wire (`EventEnvelope` in @tributary/contracts) `data` is a JSON string.
 */
export interface BusEvent {
  readonly event_id: string;
  /** `{domain}.{action}` */
  readonly event_type: string;
  readonly source: string;
  /** Milliseconds since the Unix epoch, taken when the event was appended. */
  readonly timestamp: number;
  readonly data: JsonValue;
  readonly metadata: EventMetadata;
}

export interface HandlerContext {
  /**
   * The system transaction that also records the event as processed: write effects through it, and
   * open no other transaction from a handler (the embedded database has one connection: it would wait forever).
   */
  readonly tx: SqlTx;
  /** 1 on the first delivery of this event to this consumer. */
  readonly attempt: number;
}

export type EventHandler = (event: BusEvent, ctx: HandlerContext) => Promise<void>;

export interface Subscription {
  /** Stable name of the consumer (`[A-Za-z0-9_-]`); its progress and dead letters are kept under it. */
  readonly consumer: string;
  /** Exact types (`document.uploaded`) or whole domains (`document.*`). */
  readonly types: readonly string[];
  readonly handler: EventHandler;
}

export interface DeadLetter {
  readonly consumer: string;
  readonly event: BusEvent;
  readonly attempts: number;
  readonly lastError: string;
  readonly deadAt: Date;
}

export interface ReplayOptions {
  readonly consumer: string;
  /** Every stored event of the consumer's types with `timestamp >= since` is delivered again. */
  readonly since: number;
}

/**
 * The events port. Producers call `appendEvent(tx, …)` inside their own transaction (the outbox),
 * then `notify()` after it commits. Delivery is at-least-once; because a handler's transaction also
 * records the event as consumed, its database effects happen exactly once per consumer.
 */
export interface EventBus {
  readonly kind: "in-process" | "nats";
  /** Registers a consumer; call before `start()` so that no event slips past it. */
  subscribe(subscription: Subscription): void;
  /** Begins relaying the outbox and consuming. */
  start(): Promise<void>;
  /** Stops taking new work, waits (bounded) for handlers in flight, releases connections. Final. */
  stop(): Promise<void>;
  /** Wakes the relay, e.g. right after a transaction that appended events committed. */
  notify(): void;
  /** Delivers stored events again to one consumer; resolves once they have been handled. */
  replay(options: ReplayOptions): Promise<{ replayed: number }>;
  /** Dead letters, newest first, of one consumer or of all. */
  deadLetters(consumer?: string): Promise<DeadLetter[]>;
  /** Age of the oldest unpublished outbox event in ms; 0 when the outbox is drained. */
  outboxLagMs(): Promise<number>;
  /** Throws when the bus cannot work (database or broker unreachable). */
  ping(): Promise<void>;
}

/** Tuning shared by both implementations; defaults suit production. */
export interface EventBusOptions {
  /** Deliveries of one event to one consumer before it is dead-lettered (config `eventsTuning.maxDeliveries`). */
  readonly maxDeliveries: number;
  /** Delay before retry n is `min(maxMs, baseMs * 2^(n-1))`. */
  readonly retry?: { readonly baseMs: number; readonly maxMs: number };
  /** Fallback poll of the outbox when nobody calls `notify()`. */
  readonly pollIntervalMs?: number;
  /** How long `stop()` waits for handlers in flight. */
  readonly drainTimeoutMs?: number;
  /** Published outbox rows and consumption records older than this are pruned by the relay. */
  readonly retentionDays?: number;
  /** Where relay and handler failures are reported; they never throw out of the bus. */
  readonly onError?: (error: unknown, context: Record<string, string>) => void;
}
