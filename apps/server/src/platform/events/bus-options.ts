import type { Sql } from "../sql/port.js";
import { pruneEvents } from "./outbox-store.js";
import type { EventBusOptions } from "./port.js";

export type ResolvedBusOptions = Required<EventBusOptions>;

const pruneEveryMs = 3_600_000;

export function resolveBusOptions(options: EventBusOptions): ResolvedBusOptions {
  if (!Number.isInteger(options.maxDeliveries) || options.maxDeliveries < 1) {
    throw new Error(`maxDeliveries must be a positive integer, got ${options.maxDeliveries}`);
  }
  return {
    maxDeliveries: options.maxDeliveries,
    retry: options.retry ?? { baseMs: 500, maxMs: 30_000 },
    pollIntervalMs: options.pollIntervalMs ?? 250,
    drainTimeoutMs: options.drainTimeoutMs ?? 10_000,
    retentionDays: options.retentionDays ?? 7,
    onError: options.onError ?? ((error, context) => console.error("event bus error", context, error)),
  };
}

/** Prunes old events at most once an hour; called from the relay so no separate timer is needed. */
export function createPruner(sql: Sql, options: ResolvedBusOptions): () => Promise<void> {
  let lastPruneMs = 0;
  return async () => {
    if (Date.now() - lastPruneMs < pruneEveryMs) return;
    lastPruneMs = Date.now();
    await pruneEvents(sql, options.retentionDays).catch((error) => options.onError(error, { step: "prune" }));
  };
}
