import { expiringLru } from "./expiring-lru.js";
import { assertIncrement, assertTtl, reservationKey } from "./keys.js";
import type { ReservationCounter, ReservationCounters, ReserveOutcome } from "./port.js";
import { assertAmount, assertCounterValue, assertLimits } from "./reservation-checks.js";

/**
 * Reservation counters in this process's memory. Each operation completes synchronously inside
 * one call, so it is atomic in-process without locks (the event loop runs one at a time).
 */
export function createMemoryReservations(options: { maxCounters?: number } = {}): ReservationCounters & {
  clear(): void;
} {
  // An evicted counter is seeded again by its owner from the source of truth, never reset to zero.
  const counters = expiringLru<string, number>({ max: options.maxCounters ?? 100_000 });

  return {
    async seed(key, value, ttlMs) {
      assertCounterValue(value);
      assertTtl(ttlMs);
      const namespaced = reservationKey(key);
      if (counters.has(namespaced)) return false;
      counters.set(namespaced, value, { ttl: ttlMs });
      return true;
    },
    async reserve(requested: readonly ReservationCounter[], amount: number): Promise<ReserveOutcome> {
      assertAmount(amount);
      assertLimits(requested);
      const keys = requested.map((counter) => reservationKey(counter.key));
      const totals: number[] = [];
      const missing: number[] = [];
      keys.forEach((key, index) => {
        const value = counters.get(key);
        if (value === undefined) missing.push(index);
        else totals.push(value);
      });
      if (missing.length > 0) return { status: "missing", missing };
      const index = requested.findIndex(
        (counter, i) => counter.limit !== null && (totals[i] ?? 0) + amount > counter.limit,
      );
      if (index >= 0) return { status: "refused", index, totals };
      const after = totals.map((total) => total + amount);
      keys.forEach((key, i) => {
        counters.set(key, after[i] ?? amount, { noUpdateTTL: true });
      });
      return { status: "reserved", totals: after };
    },
    async adjust(keys, delta) {
      assertIncrement(delta);
      return keys.map((key) => {
        const namespaced = reservationKey(key);
        const value = counters.get(namespaced);
        if (value === undefined) return null;
        const total = value + delta;
        counters.set(namespaced, total, { noUpdateTTL: true });
        return total;
      });
    },
    async read(keys) {
      return keys.map((key) => counters.get(reservationKey(key)) ?? null);
    },
    clear() {
      counters.clear();
    },
  };
}
