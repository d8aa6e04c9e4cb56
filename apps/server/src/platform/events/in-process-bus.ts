import { AppError } from "../errors/index.js";
import type { Sql } from "../sql/port.js";
import { createPruner, resolveBusOptions } from "./bus-options.js";
import { clearConsumptions, listDeadLetters } from "./consumer-store.js";
import { type DeliveryPolicy, deliverOnce, deliverUntilSettled } from "./deliver-event.js";
import { matchesEventType, validateSubscription } from "./event-filters.js";
import {
  consumedKeys,
  consumptionKey,
  markPublished,
  readOutboxLagMs,
  readSince,
  readUnpublished,
  rowToEvent,
} from "./outbox-store.js";
import type { EventBus, EventBusOptions, Subscription } from "./port.js";
import { createRelayLoop } from "./relay-loop.js";

const batchSize = 100;
const replayPageSize = 500;

/**
 * The embedded bus: the relay reads unpublished outbox rows in order and hands each to the local
 * subscribers. A row is marked published only once every matching subscriber has processed or
 * dead-lettered it, so a crash at any point means redelivery, and consumption records make that a no-op.
 */
export function createInProcessEventBus(sql: Sql, busOptions: EventBusOptions): EventBus {
  const options = resolveBusOptions(busOptions);
  const policy: DeliveryPolicy = { sql, maxDeliveries: options.maxDeliveries, retry: options.retry };
  const subscriptions = new Map<string, Subscription>();
  /** When each (consumer, event) in backoff may be tried again. */
  const retryAt = new Map<string, number>();
  const prune = createPruner(sql, options);

  /** One pass over the oldest unpublished rows; resolves to the wait before the next pass. */
  const relayPass = async (): Promise<number> => {
    await prune();
    const rows = await sql.withSystem((tx) => readUnpublished(tx, batchSize, false));
    if (rows.length === 0) return options.pollIntervalMs;
    const done = await sql.withSystem((tx) =>
      consumedKeys(
        tx,
        rows.map((row) => row.event_id),
      ),
    );
    const published: number[] = [];
    let nextWaitMs = options.pollIntervalMs;
    for (const row of rows) {
      if (!loop.running) break;
      const event = rowToEvent(row);
      let settled = true;
      for (const subscription of subscriptions.values()) {
        if (!matchesEventType(subscription.types, event.event_type)) continue;
        const key = consumptionKey(subscription.consumer, event.event_id);
        if (done.has(key)) continue;
        const waitMs = (retryAt.get(key) ?? 0) - Date.now();
        if (waitMs > 0) {
          settled = false;
          nextWaitMs = Math.min(nextWaitMs, waitMs);
          continue;
        }
        const outcome = await deliverOnce(policy, subscription, event, { outboxPosition: row.position });
        if (outcome.status === "retry") {
          retryAt.set(key, Date.now() + outcome.delayMs);
          nextWaitMs = Math.min(nextWaitMs, outcome.delayMs);
          options.onError(new Error(outcome.error), {
            consumer: subscription.consumer,
            event_id: event.event_id,
          });
          settled = false;
        } else if (outcome.status === "busy") {
          settled = false;
        } else {
          retryAt.delete(key);
        }
      }
      if (settled) published.push(row.position);
    }
    await sql.withSystem((tx) => markPublished(tx, published));
    // A full batch that made progress means more may be waiting right behind it.
    return rows.length === batchSize && published.length > 0 ? 0 : nextWaitMs;
  };

  const loop = createRelayLoop({
    pass: relayPass,
    pollIntervalMs: options.pollIntervalMs,
    onError: (error) => options.onError(error, { step: "relay" }),
  });

  return {
    kind: "in-process",
    subscribe(subscription) {
      validateSubscription(subscription);
      if (subscriptions.has(subscription.consumer)) {
        throw new Error(`event consumer ${subscription.consumer} is already subscribed`);
      }
      subscriptions.set(subscription.consumer, subscription);
    },
    async start() {
      loop.start();
    },
    async stop() {
      await loop.stop(options.drainTimeoutMs);
    },
    notify() {
      loop.wake();
    },
    async replay({ consumer, since }) {
      const subscription = subscriptions.get(consumer);
      if (!subscription) throw new AppError("NOT_FOUND", `no event consumer named ${consumer}`);
      let replayed = 0;
      let after: { timestamp: number; position: number } | null = null;
      for (;;) {
        const cursor = after;
        const rows = await sql.withSystem(async (tx) => {
          const page = await readSince(tx, {
            since,
            filters: subscription.types,
            after: cursor,
            limit: replayPageSize,
          });
          await clearConsumptions(
            tx,
            consumer,
            page.map((row) => row.event_id),
          );
          return page;
        });
        for (const row of rows) await deliverUntilSettled(policy, subscription, rowToEvent(row));
        replayed += rows.length;
        const last = rows.at(-1);
        if (!last || rows.length < replayPageSize) return { replayed };
        after = { timestamp: last.timestamp_ms, position: last.position };
      }
    },
    deadLetters(consumer) {
      return listDeadLetters(sql, consumer);
    },
    outboxLagMs() {
      return readOutboxLagMs(sql);
    },
    ping() {
      return sql.ping();
    },
  };
}
