import type { ReservationCounter } from "./port.js";

/** Counters hold integers that stay exact in a double and in Redis Lua (2^53). */
export function assertCounterValue(value: number): void {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`counter value must be a safe integer, got ${value}`);
}

export function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`amount must be a non-negative integer, got ${amount}`);
}

export function assertLimits(counters: readonly ReservationCounter[]): void {
  if (counters.length === 0) throw new RangeError("reserve needs at least one counter");
  for (const counter of counters) {
    if (counter.limit !== null && !Number.isSafeInteger(counter.limit)) {
      throw new RangeError(`limit of ${counter.key} must be a safe integer or null, got ${counter.limit}`);
    }
  }
}
