import { LRUCache } from "lru-cache";

/**
 * An in-process LRU whose entries expire (a `ttl` here, or one per `set`). Use it instead of
 * `new LRUCache` wherever entries have a TTL (decision 0021).
 *
 * lru-cache's default `ttlResolution` of 1 ms saves clock reads by arming a 1 ms `setTimeout` each
 * time it reads the clock afresh. On a request path that means one timer per millisecond in which
 * any such cache is read: about 2,900 a second in the gateway at 500 requests/s, each a `Timeout`
 * object and, when it fires, an extra turn of the event loop. With a resolution of 0 every expiry
 * check reads `performance.now()` instead, which costs nanoseconds.
 */
export function expiringLru<K extends {}, V extends {}>(options: {
  readonly max: number;
  readonly ttl?: number;
}): LRUCache<K, V> {
  return new LRUCache<K, V>({ max: options.max, ttl: options.ttl ?? 0, ttlResolution: 0 });
}
