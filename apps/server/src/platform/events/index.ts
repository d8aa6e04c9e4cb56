export { type AppendEventInput, appendEvent } from "./append-event.js";
export { matchesEventType } from "./event-filters.js";
export { createInProcessEventBus } from "./in-process-bus.js";
export type { NatsBusTarget } from "./nats-bus.js";
export { openEventBus } from "./open-event-bus.js";
export type {
  BusEvent,
  DeadLetter,
  EventBus,
  EventBusOptions,
  EventHandler,
  EventMetadata,
  HandlerContext,
  JsonValue,
  ReplayOptions,
  Subscription,
} from "./port.js";
