import type { Redis } from "ioredis";
import { assertIncrement, assertTtl, reservationKey } from "./keys.js";
import type { ReservationCounter, ReservationCounters, ReserveOutcome } from "./port.js";
import { adjustCountersScript, reserveScript, runScript } from "./redis-scripts.js";
import { assertAmount, assertCounterValue, assertLimits } from "./reservation-checks.js";

/**
 * Reservation counters in Redis: every operation is one round trip, and `reserve` one Lua script
 * over all of its counters, so it is atomic across nodes. Callers that may run on Redis Cluster
 * put one hash tag (`{tenant}`) in the keys of a reservation so they share a slot.
 */
export function createRedisReservations(client: Redis): ReservationCounters {
  return {
    async seed(key, value, ttlMs) {
      assertCounterValue(value);
      assertTtl(ttlMs);
      return (await client.set(reservationKey(key), String(value), "PX", ttlMs, "NX")) === "OK";
    },
    async reserve(counters: readonly ReservationCounter[], amount: number): Promise<ReserveOutcome> {
      assertAmount(amount);
      assertLimits(counters);
      const reply = await runScript(
        client,
        reserveScript,
        counters.map((counter) => reservationKey(counter.key)),
        [amount, ...counters.map((counter) => (counter.limit === null ? "" : counter.limit))],
      );
      return toOutcome(reply, counters.length);
    },
    async adjust(keys, delta) {
      assertIncrement(delta);
      if (keys.length === 0) return [];
      const reply = integers(
        await runScript(client, adjustCountersScript, keys.map(reservationKey), [delta]),
        "adjust",
      );
      return keys.map((_, i) => (reply[2 * i] === 1 ? (reply[2 * i + 1] ?? null) : null));
    },
    async read(keys) {
      if (keys.length === 0) return [];
      const values = await client.mget(...keys.map(reservationKey));
      return values.map((value) => (value === null ? null : Number(value)));
    },
  };
}

function toOutcome(reply: unknown, count: number): ReserveOutcome {
  const [status, index, ...rest] = integers(reply, "reserve");
  switch (status) {
    case 0:
      if (rest.length === count) return { status: "reserved", totals: rest };
      break;
    case 1:
      if (rest.length === count && index !== undefined)
        return { status: "refused", index: index - 1, totals: rest };
      break;
    case 2:
      // The missing indexes start at the second element: {2, i1, i2, ...}.
      return {
        status: "missing",
        missing: [index, ...rest].flatMap((i) => (i === undefined ? [] : [i - 1])),
      };
    default:
      break;
  }
  throw new Error(`unexpected Redis reply to reserve: ${JSON.stringify(reply)}`);
}

function integers(reply: unknown, command: string): number[] {
  if (!Array.isArray(reply) || !reply.every((item) => typeof item === "number")) {
    throw new Error(`unexpected Redis reply to ${command}: ${JSON.stringify(reply)}`);
  }
  return reply as number[];
}
