import type { Logger } from "../telemetry/logger.js";
import type { TenantConcurrencyResolver } from "./port.js";

/** How long a resolved limit is used before it is looked up again (in the background). */
export const tenantLimitTtlMs = 5_000;
/** A tenant none of whose jobs was claimed for this long is forgotten, so the map stays small. */
const idleAfterMs = 10 * 60_000;
/** The limit of a tenant this process has not resolved yet: no real limit is lower. */
export const unresolvedTenantLimit = 1;

interface Entry {
  limit: number;
  resolvedAt: number;
  usedAt: number;
  refreshing: boolean;
}

/**
 * The per-tenant running-job limits of one queue, from a resolver (tenant quotas), cached briefly.
 *
 * Claims are never held up by a look-up: a tenant this process has not resolved yet may run one
 * job (every limit is at least 1, so that never exceeds its real limit); once one of its jobs is
 * claimed here its limit is resolved, and later claims use it. Stale limits stay in use while
 * they are refreshed in the background.
 */
export class TenantLimits {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly resolve: TenantConcurrencyResolver,
    /** The limit of a tenant the resolver has no value for. */
    private readonly fallback: number,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The limits known now, for the claim query; starts refreshing stale ones and forgets idle ones. */
  current(): ReadonlyMap<string, number> {
    const now = this.now();
    const limits = new Map<string, number>();
    for (const [tenantId, entry] of this.entries) {
      if (now - entry.usedAt > idleAfterMs) {
        this.entries.delete(tenantId);
        continue;
      }
      if (now - entry.resolvedAt > tenantLimitTtlMs && !entry.refreshing) {
        entry.refreshing = true;
        void this.lookUp(tenantId).then((limit) => {
          entry.limit = limit;
          entry.resolvedAt = this.now();
          entry.refreshing = false;
        });
      }
      limits.set(tenantId, entry.limit);
    }
    return limits;
  }

  /**
   * Records that jobs of these tenants were claimed; resolves the ones not known yet.
   * True when a limit was newly learnt (a claim now may take more of that tenant's jobs).
   */
  async learn(tenantIds: Iterable<string | null>): Promise<boolean> {
    const now = this.now();
    const unknown = new Set<string>();
    for (const tenantId of tenantIds) {
      if (tenantId === null) continue;
      const entry = this.entries.get(tenantId);
      if (entry) entry.usedAt = now;
      else unknown.add(tenantId);
    }
    const resolved = await Promise.all([...unknown].map(async (id) => [id, await this.lookUp(id)] as const));
    for (const [tenantId, limit] of resolved) {
      this.entries.set(tenantId, { limit, resolvedAt: this.now(), usedAt: now, refreshing: false });
    }
    return resolved.some(([, limit]) => limit > unresolvedTenantLimit);
  }

  /** The resolver's answer when it is a positive integer, else the fallback (also when it fails). */
  private async lookUp(tenantId: string): Promise<number> {
    try {
      const limit = await this.resolve(tenantId);
      return limit !== undefined && Number.isInteger(limit) && limit >= 1 ? limit : this.fallback;
    } catch (error) {
      this.logger.warn(
        { err: error, tenantId },
        "resolving a tenant's job concurrency failed; using the default",
      );
      return this.fallback;
    }
  }
}
