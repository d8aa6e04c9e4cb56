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

/** Replaces a value with a new TTL only while it still equals ARGV[1]; 1 when replaced, else 0. */
export const replaceIfScript = defineScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
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
  return {0, math.max(0, math.floor((now + tolerance - tat) / interval)), math.ceil((tat - now) / 1000),
    math.ceil((allow_at - now) / 1000)}
end
local ttl = math.ceil((new_tat - now) / 1000)
if ttl > 0 then redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX', ttl) end
return {1, math.floor((now + tolerance - new_tat) / interval), ttl, 0}
`);

/**
 * gcraAdjust (gcra.ts) in Lua: moves the TAT by ARGV[3] units unconditionally, never before now.
 * ARGV: interval (µs), burst, delta. Returns {1, remaining, resetMs, retryAfterMs}.
 */
export const gcraAdjustScript = defineScript(`
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local delta = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local tolerance = interval * burst
local new_tat = math.max(now, tat + interval * delta)
local ttl = math.ceil((new_tat - now) / 1000)
redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX', math.max(1, ttl))
return {1, math.max(0, math.floor((now + tolerance - new_tat) / interval)), ttl,
  math.max(0, math.ceil((new_tat + interval - tolerance - now) / 1000))}
`);

/**
 * Reservation: adds ARGV[1] to every counter in KEYS when each capped one stays within its cap
 * (ARGV[i + 1], '' for none), else adds nothing. Counters are never created here.
 * Replies {0, 0, totals after...} reserved; {1, index (1-based), totals...} refused;
 * {2, missing indexes (1-based)...} when some counter does not exist.
 */
export const reserveScript = defineScript(`
local amount = tonumber(ARGV[1])
local totals = {}
local missing = {2}
for i = 1, #KEYS do
  local value = redis.call('GET', KEYS[i])
  if value then totals[i] = tonumber(value) else missing[#missing + 1] = i end
end
if #missing > 1 then return missing end
for i = 1, #KEYS do
  local limit = ARGV[i + 1]
  if limit ~= '' and totals[i] + amount > tonumber(limit) then
    local refused = {1, i}
    for j = 1, #KEYS do refused[j + 2] = totals[j] end
    return refused
  end
end
local reserved = {0, 0}
for i = 1, #KEYS do reserved[i + 2] = redis.call('INCRBY', KEYS[i], ARGV[1]) end
return reserved
`);

/** Adds ARGV[1] to each existing counter in KEYS. Replies {exists (0|1), value} per key. */
export const adjustCountersScript = defineScript(`
local reply = {}
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    reply[2 * i - 1] = 1
    reply[2 * i] = redis.call('INCRBY', KEYS[i], ARGV[1])
  else
    reply[2 * i - 1] = 0
    reply[2 * i] = 0
  end
end
return reply
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
