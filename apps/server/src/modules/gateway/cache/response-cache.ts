import { hash } from "node:crypto";
import type { Cache } from "../../../platform/cache/index.js";

export interface CachedResponse {
  /** The client-facing body (already in the caller's protocol). */
  readonly body: unknown;
  readonly model: string;
  readonly provider: string;
}

/**
 * Exact-match response cache. The key covers the tenant, the inbound protocol and the whole request
 * after routing fields are removed, so tenants never share entries and any change misses.
 */
export class ResponseCache {
  constructor(
    private readonly cache: Cache,
    private readonly ttlMs: number,
  ) {}

  keyOf(tenantId: string, protocol: string, body: unknown): string {
    const digest = hash("sha256", JSON.stringify(body), "base64url");
    return `gateway:response:${tenantId}:${protocol}:${digest}`;
  }

  async get(key: string): Promise<CachedResponse | null> {
    const raw = await this.cache.get(key);
    return raw === null ? null : (JSON.parse(raw) as CachedResponse);
  }

  async put(key: string, value: CachedResponse): Promise<void> {
    await this.cache.set(key, JSON.stringify(value), this.ttlMs);
  }
}
