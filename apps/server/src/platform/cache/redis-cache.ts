import { Redis } from "ioredis";
import { ChannelListeners } from "./channel-listeners.js";
import { assertCost, gcraPolicy } from "./gcra.js";
import { assertIncrement, assertTtl, cacheKey, channelKey, rateLimitKey } from "./keys.js";
import type { CacheStore, RateLimitDecision, RateLimiter, RateLimiterOptions } from "./port.js";
import { createRedisReservations } from "./redis-reservations.js";
import {
  gcraAdjustScript,
  gcraScript,
  incrementScript,
  replaceIfScript,
  runScript,
} from "./redis-scripts.js";

export interface RedisCacheOptions {
  url: string;
  /** Bounds the first connection, so a down Redis fails start-up clearly instead of hanging. */
  connectTimeoutMs?: number;
}

/** The server cache: one Redis shared by every node, so counters and limits are exact across them. */
export async function createRedisCache(options: RedisCacheOptions): Promise<CacheStore> {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const client = new Redis(options.url, {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    // A command fails after a few reconnect attempts rather than waiting for Redis forever.
    maxRetriesPerRequest: 2,
  });
  // Failures reach callers through the commands; without a listener ioredis prints them itself.
  client.on("error", () => {});
  await connect(client, options.url, connectTimeoutMs);
  const listeners = new ChannelListeners();
  let subscriber: Promise<Redis> | undefined;
  const openSubscriber = async () => {
    const connection = client.duplicate();
    connection.on("error", () => {});
    // ioredis subscribes again after a reconnect; what was broadcast meanwhile is lost.
    connection.on("message", (channel: string, message: string) =>
      listeners.deliver(channel.slice(channelKey("").length), message),
    );
    await connect(connection, options.url, connectTimeoutMs);
    return connection;
  };

  return {
    kind: "redis",
    reachesEveryNode: true,
    async get(key) {
      return client.get(cacheKey(key));
    },
    async set(key, value, ttlMs) {
      assertTtl(ttlMs);
      await client.set(cacheKey(key), value, "PX", ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      assertTtl(ttlMs);
      return (await client.set(cacheKey(key), value, "PX", ttlMs, "NX")) === "OK";
    },
    async replaceIf(key, expected, value, ttlMs) {
      assertTtl(ttlMs);
      return (await runScript(client, replaceIfScript, [cacheKey(key)], [expected, value, ttlMs])) === 1;
    },
    async delete(key) {
      await client.del(cacheKey(key));
    },
    async increment(key, by, ttlMs) {
      assertIncrement(by);
      assertTtl(ttlMs);
      const total = await runScript(client, incrementScript, [cacheKey(key)], [by, ttlMs]);
      if (typeof total !== "number") throw new Error(`unexpected Redis reply to increment: ${String(total)}`);
      return total;
    },
    async broadcast(channel, message) {
      await client.publish(channelKey(channel), message);
    },
    async listen(channel, onMessage) {
      // A connection in subscriber mode takes no other commands: it is opened on first use.
      subscriber ??= openSubscriber();
      const connection = await subscriber;
      if (listeners.add(channel, onMessage)) await connection.subscribe(channelKey(channel));
      return async () => {
        if (listeners.remove(channel, onMessage)) await connection.unsubscribe(channelKey(channel));
      };
    },
    async ping() {
      await client.ping();
    },
    async close() {
      listeners.clear();
      const connection = await subscriber?.catch(() => undefined);
      await connection?.quit().catch(() => connection.disconnect());
      await client.quit().catch(() => client.disconnect());
    },
    reservations: createRedisReservations(client),
    rateLimiter(limiterOptions: RateLimiterOptions): RateLimiter {
      const policy = gcraPolicy(limiterOptions);
      return {
        async consume(key, cost = 1) {
          assertCost(policy, cost);
          const reply = await runScript(
            client,
            gcraScript,
            [rateLimitKey(policy.name, key)],
            [policy.intervalUs, policy.burst, cost],
          );
          return toDecision(reply, policy.limit);
        },
        async adjust(key, delta) {
          assertIncrement(delta);
          const reply = await runScript(
            client,
            gcraAdjustScript,
            [rateLimitKey(policy.name, key)],
            [policy.intervalUs, policy.burst, delta],
          );
          return toDecision(reply, policy.limit);
        },
      };
    },
  };
}

async function connect(client: Redis, url: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // connectTimeout covers the TCP handshake; this also bounds a server that accepts but never answers.
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs + 1_000);
  });
  try {
    await Promise.race([client.connect(), timeout]);
  } catch (error) {
    // Stop the background reconnect loop a failed first connect leaves behind.
    client.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot connect to Redis at ${redactUrl(url)}: ${reason}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function toDecision(reply: unknown, limit: number): RateLimitDecision {
  const [allowed, remaining, resetMs, retryAfterMs]: unknown[] = Array.isArray(reply) ? reply : [];
  if (
    typeof allowed !== "number" ||
    typeof remaining !== "number" ||
    typeof resetMs !== "number" ||
    typeof retryAfterMs !== "number"
  ) {
    throw new Error(`unexpected Redis reply to the rate limiter: ${JSON.stringify(reply)}`);
  }
  return { allowed: allowed === 1, limit, remaining, resetMs, retryAfterMs };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable REDIS_URL)";
  }
}
