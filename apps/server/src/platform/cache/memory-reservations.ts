import { expiringLru } from "./expiring-lru.js";
import { assertIncrement, assertTtl, reservationKey } from "./keys.js";
import type { ReservationCounter, ReservationCounters, ReserveOutcome } from "./port.js";
import { assertAmount, assertCounterValue, assertLimits } from "./reservation-checks.js";

/** A counter's expiry stays what its seeding set. */
const keepTtl = { noUpdateTTL: true } as const;

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
    // On the gateway's path for every call: plain loops, one array of totals, no closures.
    async reserve(requested: readonly ReservationCounter[], amount: number): Promise<ReserveOutcome> {
      assertAmount(amount);
      assertLimits(requested);
      const keys: string[] = new Array(requested.length);
      const totals: number[] = new Array(requested.length);
      let missing: number[] | null = null;
      for (let i = 0; i < requested.length; i++) {
        const key = reservationKey((requested[i] as ReservationCounter).key);
        keys[i] = key;
        const value = counters.get(key);
        if (value === undefined) {
          missing ??= [];
          missing.push(i);
        } else totals[i] = value;
      }
      if (missing !== null) return { status: "missing", missing };
      for (let i = 0; i < requested.length; i++) {
        const limit = (requested[i] as ReservationCounter).limit;
        if (limit !== null && (totals[i] as number) + amount > limit)
          return { status: "refused", index: i, totals };
      }
      for (let i = 0; i < requested.length; i++) {
        const total = (totals[i] as number) + amount;
        totals[i] = total;
        counters.set(keys[i] as string, total, keepTtl);
      }
      return { status: "reserved", totals };
    },
    async adjust(keys, delta) {
      assertIncrement(delta);
      return keys.map((key) => {
        const namespaced = reservationKey(key);
        const value = counters.get(namespaced);
        if (value === undefined) return null;
        const total = value + delta;
        counters.set(namespaced, total, keepTtl);
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
