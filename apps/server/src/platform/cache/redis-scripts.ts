import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export interface RedisScript {
  readonly source: string;
  readonly sha: string;
}

function defineScript(source: string): RedisScript {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

/** Adds to a counter and sets its TTL only if it has none, i.e. when it was just created. */
export const incrementScript = defineScript(`
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return total
`);

/**
 * gcraStep (gcra.ts) in Lua, on the Redis server's clock so every node agrees on "now".
 * ARGV: interval (µs), burst, cost, limit. Returns {allowed, remaining, resetMs, retryAfterMs}.
 * Integers only: Redis truncates Lua numbers in replies, and the TAT is written with %.0f
 * because tostring would round a 16-digit number.
 */
export const gcraScript = defineScript(`
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local tolerance = interval * burst
local new_tat = tat + interval * cost
local allow_at = new_tat - tolerance
if allow_at > now then
  return {0, math.floor((now + tolerance - tat) / interval), math.ceil((tat - now) / 1000),
    math.ceil((allow_at - now) / 1000)}
end
local ttl = math.ceil((new_tat - now) / 1000)
if ttl > 0 then redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX', ttl) end
return {1, math.floor((now + tolerance - new_tat) / interval), ttl, 0}
`);

/** EVALSHA, falling back to EVAL (which also caches the script) when the server lacks it. */
export async function runScript(
  client: Redis,
  script: RedisScript,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  try {
    return await client.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return client.eval(script.source, keys.length, ...keys, ...args);
  }
}
