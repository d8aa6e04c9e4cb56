import {
  DeliverPolicy,
  type JetStreamClient,
  type JsMsg,
  jetstream,
  jetstreamManager,
} from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { AppError, assertNever } from "../errors/index.js";
import type { Sql } from "../sql/port.js";
import { createPruner, type ResolvedBusOptions, resolveBusOptions } from "./bus-options.js";
import { clearConsumptions, listDeadLetters } from "./consumer-store.js";
import { type DeliveryPolicy, deliverOnce, deliverUntilSettled } from "./deliver-event.js";
import { matchesEventType, validateSubscription } from "./event-filters.js";
import { consumerFilter, ensureDurableConsumer, ensureStream } from "./nats-setup.js";
import { decodeEnvelope, encodeEnvelope, eventSubjects } from "./nats-wire.js";
import { markPublished, readOutboxLagMs, readUnpublished, rowToEvent } from "./outbox-store.js";
import type { BusEvent, EventBus, EventBusOptions, Subscription } from "./port.js";
import { createRelayLoop } from "./relay-loop.js";

export interface NatsBusTarget {
  url: string;
  stream: string;
  /** Subject prefix of the stream; tests give each stream its own, as subjects may not overlap. */
  subjectPrefix?: string;
}

const batchSize = 100;
const publishTimeoutMs = 5_000;
const ackWaitMs = 30_000;

/**
 * The scale-out bus: the relay publishes outbox rows to a JetStream stream (the event id is the
 * message id, so a republish after a crash is dropped), then marks them published. Each consumer is
 * a durable pull consumer that acks only after its transaction committed.
 */
export async function createNatsEventBus(
  sql: Sql,
  target: NatsBusTarget,
  busOptions: EventBusOptions,
): Promise<EventBus> {
  const options = resolveBusOptions(busOptions);
  const policy: DeliveryPolicy = { sql, maxDeliveries: options.maxDeliveries, retry: options.retry };
  const subjects = eventSubjects(target.subjectPrefix);
  const nc = await connect({ servers: target.url, name: "tributary-events" });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  await ensureStream(jsm, target.stream, subjects, options.retentionDays);
  const subscriptions = new Map<string, Subscription>();
  const consuming: { close(): Promise<void>; done: Promise<void> }[] = [];
  const prune = createPruner(sql, options);
  let started = false;

  const relay = createRelayLoop({
    pass: async () => {
      await prune();
      return publishBatch(sql, js, target.stream, subjects.of, options);
    },
    pollIntervalMs: options.pollIntervalMs,
    onError: (error) => options.onError(error, { step: "relay" }),
  });

  const handleMessage = async (subscription: Subscription, msg: JsMsg) => {
    let event: BusEvent;
    try {
      event = decodeEnvelope(msg.string());
    } catch (error) {
      options.onError(error, { consumer: subscription.consumer, step: "decode", subject: msg.subject });
      msg.term("undecodable event envelope");
      return;
    }
    // Only on servers without multi-filter consumers do unwanted types arrive.
    if (!matchesEventType(subscription.types, event.event_type)) return msg.ack();
    const outcome = await deliverOnce(policy, subscription, event, { deliveryCount: msg.info.deliveryCount });
    switch (outcome.status) {
      case "handled":
      case "duplicate":
        return msg.ack();
      case "dead":
        return msg.term(outcome.error.slice(0, 200));
      case "busy":
        return msg.nak(options.retry.baseMs);
      case "retry":
        options.onError(new Error(outcome.error), {
          consumer: subscription.consumer,
          event_id: event.event_id,
        });
        return msg.nak(outcome.delayMs);
      default:
        return assertNever(outcome);
    }
  };

  const startConsumer = async (subscription: Subscription) => {
    const filter = consumerFilter(subjects, subscription.types, nc.info?.version);
    await ensureDurableConsumer(jsm, target.stream, subscription.consumer, filter, ackWaitMs);
    const consumer = await js.consumers.get(target.stream, subscription.consumer);
    const messages = await consumer.consume({ max_messages: 16 });
    const done = (async () => {
      for await (const msg of messages) {
        await handleMessage(subscription, msg).catch((error) => {
          // The database may be down: leave the message for redelivery rather than losing it.
          options.onError(error, { consumer: subscription.consumer, step: "consume" });
          msg.nak(options.retry.baseMs);
        });
      }
    })();
    consuming.push({ close: async () => void (await messages.close()), done });
  };

  return {
    kind: "nats",
    subscribe(subscription) {
      validateSubscription(subscription);
      if (subscriptions.has(subscription.consumer)) {
        throw new Error(`event consumer ${subscription.consumer} is already subscribed`);
      }
      subscriptions.set(subscription.consumer, subscription);
      if (started)
        void startConsumer(subscription).catch((error) => options.onError(error, { step: "subscribe" }));
    },
    async start() {
      if (started) return;
      started = true;
      // Consumers first, so that nothing the relay publishes now is missed by a new durable consumer.
      await Promise.all([...subscriptions.values()].map(startConsumer));
      relay.start();
    },
    async stop() {
      await relay.stop(options.drainTimeoutMs);
      await Promise.all(consuming.map((c) => c.close().catch(() => {})));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.drainTimeoutMs)));
      await Promise.race([Promise.all(consuming.map((c) => c.done.catch(() => {}))), timeout]);
      clearTimeout(timer);
      await nc.drain().catch(() => nc.close());
    },
    notify() {
      relay.wake();
    },
    async replay({ consumer, since }) {
      const subscription = subscriptions.get(consumer);
      if (!subscription) throw new AppError("NOT_FOUND", `no event consumer named ${consumer}`);
      return replayFromStream(nc, js, {
        stream: target.stream,
        subscription,
        since,
        policy,
        options,
        subjects,
      });
    },
    deadLetters(consumer) {
      return listDeadLetters(sql, consumer);
    },
    outboxLagMs() {
      return readOutboxLagMs(sql);
    },
    async ping() {
      await sql.ping();
      await nc.rtt();
    },
  };
}

/** Publishes the oldest unpublished rows, holding their locks until they are marked published. */
async function publishBatch(
  sql: Sql,
  js: JetStreamClient,
  stream: string,
  subjectOf: (eventType: string) => string,
  options: ResolvedBusOptions,
): Promise<number> {
  const { total, published } = await sql.withSystem(async (tx) => {
    const rows = await readUnpublished(tx, batchSize, true);
    // Issued in order on one connection, so the stream keeps outbox order.
    const results = await Promise.allSettled(
      rows.map((row) =>
        js.publish(subjectOf(row.event_type), encodeEnvelope(rowToEvent(row)), {
          msgID: row.event_id,
          timeout: publishTimeoutMs,
          expect: { streamName: stream },
        }),
      ),
    );
    const done = rows.filter((_, i) => results[i]?.status === "fulfilled").map((row) => row.position);
    const failed = results.find((result) => result.status === "rejected");
    if (failed) options.onError(failed.reason, { step: "publish" });
    await markPublished(tx, done);
    return { total: rows.length, published: done.length };
  });
  if (published < total) return options.pollIntervalMs * 4;
  return total === batchSize ? 0 : options.pollIntervalMs;
}

interface ReplayContext {
  stream: string;
  subscription: Subscription;
  since: number;
  policy: DeliveryPolicy;
  options: ResolvedBusOptions;
  subjects: ReturnType<typeof eventSubjects>;
}

/** Reads the stream from `since` with an ordered consumer and delivers each matching event again. */
async function replayFromStream(nc: NatsConnection, js: JetStreamClient, context: ReplayContext) {
  const { subscription, since, policy, subjects } = context;
  const filter = consumerFilter(subjects, subscription.types, nc.info?.version);
  const ordered = await js.consumers.get(context.stream, {
    filter_subjects: filter.filter_subjects ?? filter.filter_subject ?? subjects.all,
    // The stream's time is when the relay published, never before the event's own timestamp.
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: new Date(since).toISOString(),
  });
  let replayed = 0;
  for (;;) {
    const page: BusEvent[] = [];
    let caughtUp = false;
    let received = 0;
    const batch = await ordered.fetch({ max_messages: 256, expires: 1_000 });
    for await (const msg of batch) {
      received++;
      const event = decodeEnvelope(msg.string());
      if (event.timestamp >= since && matchesEventType(subscription.types, event.event_type))
        page.push(event);
      if (msg.info.pending === 0) caughtUp = true;
    }
    await policy.sql.withSystem((tx) =>
      clearConsumptions(
        tx,
        subscription.consumer,
        page.map((event) => event.event_id),
      ),
    );
    for (const event of page) await deliverUntilSettled(policy, subscription, event);
    replayed += page.length;
    if (caughtUp || received === 0) break;
  }
  await ordered.delete().catch(() => {});
  return { replayed };
}
