import { assertNever } from "../errors/index.js";
import type { Sql } from "../sql/port.js";
import { deadLetter, recordFailure } from "./consumer-store.js";
import type { BusEvent, Subscription } from "./port.js";

export interface DeliveryPolicy {
  readonly sql: Sql;
  readonly maxDeliveries: number;
  readonly retry: { readonly baseMs: number; readonly maxMs: number };
}

export type DeliveryOutcome =
  | { status: "handled" }
  /** The consumer had already processed this event: nothing ran. */
  | { status: "duplicate" }
  /** Another relay holds the outbox row right now; try again later. */
  | { status: "busy" }
  | { status: "retry"; attempts: number; delayMs: number; error: string }
  | { status: "dead"; attempts: number; error: string };

export interface DeliverOptions {
  /** The broker's count of deliveries of this message (NATS), which also counts crashed attempts. */
  deliveryCount?: number;
  /** Lock this outbox row (skipping it when another relay holds it) for the handler's transaction. */
  outboxPosition?: number;
}

/**
 * One delivery of one event to one consumer. The handler runs in a system transaction that first
 * records the consumption, so its effects and "processed" commit together or not at all.
 */
export async function deliverOnce(
  policy: DeliveryPolicy,
  subscription: Subscription,
  event: BusEvent,
  options: DeliverOptions = {},
): Promise<DeliveryOutcome> {
  const { consumer } = subscription;
  let attempt = options.deliveryCount ?? 1;
  try {
    const status = await policy.sql.withSystem(async (tx) => {
      if (options.outboxPosition !== undefined) {
        const locked = await tx.query(
          "SELECT position FROM outbox_events WHERE position = $1 FOR UPDATE SKIP LOCKED",
          [options.outboxPosition],
        );
        if (locked.length === 0) return "busy" as const;
      }
      const claimed = await tx.query(
        `INSERT INTO event_consumptions (consumer, event_id, tenant_id) VALUES ($1, $2, $3)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [consumer, event.event_id, event.metadata.tenant_id],
      );
      if (claimed.length === 0) return "duplicate" as const;
      // Earlier failures are cleared with the success, and restored by the rollback if this one fails too.
      const [failed] = await tx.query<{ attempts: number }>(
        "DELETE FROM event_delivery_failures WHERE consumer = $1 AND event_id = $2 RETURNING attempts",
        [consumer, event.event_id],
      );
      attempt = Math.max(attempt, (failed?.attempts ?? 0) + 1);
      await subscription.handler(event, { tx, attempt });
      return "handled" as const;
    });
    return { status };
  } catch (error) {
    const message = describeError(error);
    const attempts = await recordFailure(policy.sql, consumer, event, attempt, message);
    if (attempts >= policy.maxDeliveries) {
      await deadLetter(policy.sql, consumer, event, attempts, message);
      return { status: "dead", attempts, error: message };
    }
    return { status: "retry", attempts, delayMs: retryDelayMs(policy.retry, attempts), error: message };
  }
}

/** Delivers until the event is handled, skipped or dead-lettered, waiting out the backoff in between. */
export async function deliverUntilSettled(
  policy: DeliveryPolicy,
  subscription: Subscription,
  event: BusEvent,
): Promise<"handled" | "duplicate" | "dead"> {
  for (;;) {
    const outcome = await deliverOnce(policy, subscription, event);
    switch (outcome.status) {
      case "handled":
      case "duplicate":
      case "dead":
        return outcome.status;
      case "busy":
        await sleep(policy.retry.baseMs);
        break;
      case "retry":
        await sleep(outcome.delayMs);
        break;
      default:
        assertNever(outcome);
    }
  }
}

export function retryDelayMs(retry: DeliveryPolicy["retry"], attempts: number): number {
  return Math.min(retry.maxMs, retry.baseMs * 2 ** Math.max(0, attempts - 1));
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
