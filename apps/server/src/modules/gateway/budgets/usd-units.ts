/**
 * Budget counters count nano-dollars: integers stay exact in the cache (and Redis Lua) up to
 * 2^53, i.e. about 9 million USD per counter, and a 10-token embedding still costs something.
 */
const perUsd = 1e9;

/** Estimates round up (never reserve less than the call may cost); actual costs round to nearest. */
export function toNanoUsd(usd: number, rounding: "up" | "nearest"): number {
  if (!Number.isFinite(usd) || usd < 0)
    throw new RangeError(`USD amount must be a non-negative number, got ${usd}`);
  const exact = usd * perUsd;
  // Whole amounts below 10^15 have at most 15 digits: toPrecision(15) would give them back as they are.
  if (exact > 0 && exact < 1e15 && Number.isInteger(exact)) return exact;
  // toPrecision drops float dust (0.3 * 1e9 = 300000000.00000006) before rounding.
  const scaled = Number(exact.toPrecision(15));
  return rounding === "up" ? Math.ceil(scaled) : Math.round(scaled);
}

export function fromNanoUsd(nano: number): number {
  return nano / perUsd;
}
