import { eventTypeFilterPattern } from "@tributary/contracts";
import type { Subscription } from "./port.js";

const consumerNamePattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Rejects a subscription the bus could not honour; a programming error, so it throws at boot. */
export function validateSubscription(subscription: Subscription): void {
  if (!consumerNamePattern.test(subscription.consumer)) {
    throw new Error(
      `invalid event consumer name ${JSON.stringify(subscription.consumer)}: use [A-Za-z0-9_-]`,
    );
  }
  if (subscription.types.length === 0) {
    throw new Error(`event consumer ${subscription.consumer} subscribes to no event types`);
  }
  for (const type of subscription.types) {
    if (!eventTypeFilterPattern.test(type)) {
      throw new Error(
        `event consumer ${subscription.consumer}: ${JSON.stringify(type)} is not domain.action or domain.*`,
      );
    }
  }
}

/** True when `eventType` is one of the exact types or falls in one of the `<domain>.*` filters. */
export function matchesEventType(filters: readonly string[], eventType: string): boolean {
  const domain = eventType.slice(0, eventType.indexOf("."));
  return filters.some((filter) => filter === eventType || filter === `${domain}.*`);
}

/** Splits filters into exact types and wildcard domains, the form the SQL queries take. */
export function splitFilters(filters: readonly string[]): { types: string[]; domains: string[] } {
  const types: string[] = [];
  const domains: string[] = [];
  for (const filter of filters) {
    if (filter.endsWith(".*")) domains.push(filter.slice(0, -2));
    else types.push(filter);
  }
  return { types, domains };
}
