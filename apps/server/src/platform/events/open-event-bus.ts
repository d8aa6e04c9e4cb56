import type { EventsConfig } from "../../config/index.js";
import { assertNever } from "../errors/index.js";
import type { Sql } from "../sql/port.js";
import { createInProcessEventBus } from "./in-process-bus.js";
import type { EventBus, EventBusOptions } from "./port.js";

/**
 * Chooses the events adapter from configuration: the outbox with in-process dispatch, or the outbox
 * relayed to NATS JetStream. Both keep the outbox in `sql`; NATS connects (and creates its stream) here.
 */
export async function openEventBus(
  config: EventsConfig,
  sql: Sql,
  options: EventBusOptions,
): Promise<EventBus> {
  switch (config.kind) {
    case "in-process":
      return createInProcessEventBus(sql, options);
    case "nats": {
      // Server adapters load on demand, so the embedded default does not carry their weight.
      const { createNatsEventBus } = await import("./nats-bus.js");
      return createNatsEventBus(sql, { url: config.url, stream: config.stream }, options);
    }
    default:
      return assertNever(config);
  }
}
