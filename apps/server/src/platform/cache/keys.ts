/** Namespaced keys, so Tributary can share a Redis database with other applications. */
export function cacheKey(key: string): string {
  return `tributary:c:${key}`;
}

/** Broadcast channels, apart from keys. */
export function channelKey(channel: string): string {
  return `tributary:ch:${channel}`;
}

export function rateLimitKey(name: string, key: string): string {
  return `tributary:rl:${name}:${key}`;
}

/** Reservation counters have their own namespace: they are never plain values. */
export function reservationKey(key: string): string {
  return `tributary:b:${key}`;
}

export function assertTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)
    throw new RangeError(`ttlMs must be a positive integer, got ${ttlMs}`);
}

export function assertIncrement(by: number): void {
  if (!Number.isSafeInteger(by)) throw new RangeError(`increment must be an integer, got ${by}`);
}
