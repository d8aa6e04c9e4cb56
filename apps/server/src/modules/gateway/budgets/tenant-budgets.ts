import { LRUCache } from "lru-cache";
import type { Sql } from "../../../platform/sql/index.js";
import type { Logger } from "../../../platform/telemetry/logger.js";
import { type BudgetRow, type BudgetRule, budgetColumns, toRule } from "./budget-rule.js";

/** A tenant's budgets, indexed by `scope:scope_id` for the per-request lookup. */
export type TenantBudgets = ReadonlyMap<string, readonly BudgetRule[]>;

export function scopeKey(scope: BudgetRule["scope"], scopeId: string): string {
  return `${scope}:${scopeId}`;
}

interface Entry {
  value: TenantBudgets | undefined;
  loadedAt: number;
  loading: Promise<TenantBudgets> | undefined;
}

/**
 * Budgets per tenant, kept in memory for `ttlMs` so the hot path does not query SQL on every
 * call. A stale entry is served while one refresh runs in the background; `invalidate` (called
 * on every admin change in this process) makes the next call load afresh. Other nodes see a
 * change within `ttlMs`.
 */
export class TenantBudgetCache {
  private readonly entries = new LRUCache<string, Entry>({ max: 10_000 });

  constructor(
    private readonly sql: Sql,
    private readonly logger: Logger,
    private readonly ttlMs: number,
  ) {}

  async get(tenantId: string): Promise<TenantBudgets> {
    let entry = this.entries.get(tenantId);
    if (!entry) {
      entry = { value: undefined, loadedAt: 0, loading: undefined };
      this.entries.set(tenantId, entry);
    }
    const fresh = Date.now() - entry.loadedAt < this.ttlMs;
    if (entry.value && fresh) return entry.value;
    if (!entry.loading) {
      entry.loading = this.load(tenantId, entry);
      // Stale callers do not wait for it: a failed refresh keeps the old budgets, and logs once.
      if (entry.value) {
        entry.loading.catch((error: unknown) =>
          this.logger.warn({ err: error, tenant_id: tenantId }, "reloading budgets failed"),
        );
      }
    }
    return entry.value ?? entry.loading;
  }

  invalidate(tenantId: string): void {
    this.entries.delete(tenantId);
  }

  private async load(tenantId: string, entry: Entry): Promise<TenantBudgets> {
    try {
      const rows = await this.sql.withTenant(tenantId, (tx) =>
        tx.query<BudgetRow>(`SELECT ${budgetColumns} FROM gateway_budgets WHERE tenant_id = $1`, [tenantId]),
      );
      const budgets = new Map<string, BudgetRule[]>();
      for (const row of rows) {
        const key = scopeKey(row.scope, row.scope_id);
        budgets.set(key, [...(budgets.get(key) ?? []), toRule(row)]);
      }
      // An entry invalidated while this load ran is not this one any more: leave the newer alone.
      entry.value = budgets;
      entry.loadedAt = Date.now();
      return budgets;
    } finally {
      entry.loading = undefined;
    }
  }
}
