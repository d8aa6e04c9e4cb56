import type { BudgetAlertEventData } from "@tributary/contracts";
import { LRUCache } from "lru-cache";
import type { CacheStore } from "../../../platform/cache/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import type { Logger } from "../../../platform/telemetry/logger.js";
import type { PeriodWindow } from "./budget-period.js";
import type { BudgetRule } from "./budget-rule.js";
import { fromNanoUsd } from "./usd-units.js";

export const budgetAlertEventType = "gateway.budget_alert";

/** A budget counter as it stands after a reservation or settlement. */
export interface CounterReading {
  readonly rule: BudgetRule;
  readonly window: PeriodWindow;
  readonly totalNano: number;
}

/** Whether `totalNano` reaches the lowest alert threshold of `rule`: only then is there anything to check. */
export function mayCrossAlert(rule: BudgetRule, totalNano: number): boolean {
  const lowest = rule.alertThreshold < 1 ? rule.alertThreshold : rule.mode === "soft" ? 1 : null;
  return lowest !== null && totalNano > 0 && totalNano >= lowest * rule.limitNano;
}

export interface BudgetAlertsOptions {
  readonly sql: Sql;
  readonly cache: CacheStore;
  readonly logger: Logger;
  readonly notifyEvents?: () => void;
}

/**
 * Raises `gateway.budget_alert` once per budget, period and threshold: soft budgets at their
 * alert threshold and at 100 %, hard ones at their alert threshold (they never pass 100 %).
 * A cache `setIfAbsent` elects one raiser across nodes; a local memo spares that round trip on
 * every later call. Alerts are written off the caller's path; `idle()` waits for them.
 */
export function createBudgetAlerts(options: BudgetAlertsOptions) {
  const { sql, cache, logger } = options;
  const raised = new LRUCache<string, true>({ max: 50_000 });
  const inFlight = new Set<Promise<void>>();

  function thresholds(rule: BudgetRule): number[] {
    const list = rule.alertThreshold < 1 ? [rule.alertThreshold] : [];
    return rule.mode === "soft" ? [...list, 1] : list;
  }

  async function raise(
    tenantId: string,
    spaceId: string,
    reading: CounterReading,
    threshold: number,
  ): Promise<void> {
    const { rule, window } = reading;
    const dedupeKey = `gateway:budget-alert:{${tenantId}}:${rule.id}:${window.label}:${threshold}`;
    // The whole period and then some: long enough whatever the time within it.
    const ttlMs = window.end.getTime() - window.start.getTime() + 2 * 86_400_000;
    if (!(await cache.setIfAbsent(dedupeKey, "1", ttlMs))) return;
    const data: BudgetAlertEventData = {
      budget_id: rule.id,
      scope: rule.scope,
      scope_id: rule.scopeId,
      period: rule.period,
      period_start: window.start.toISOString(),
      mode: rule.mode,
      limit_usd: rule.limitUsd,
      spent_usd: fromNanoUsd(reading.totalNano),
      threshold,
    };
    try {
      await sql.withTenant(tenantId, (tx) =>
        appendEvent(tx, {
          type: budgetAlertEventType,
          source: "gateway",
          data: { ...data },
          metadata: { tenant_id: tenantId, space_id: spaceId },
        }),
      );
      options.notifyEvents?.();
    } catch (error) {
      // Free the election so a later call raises it again; nothing is lost but time.
      await cache.delete(dedupeKey).catch(() => {});
      throw error;
    }
  }

  return {
    /** Raises, in the background, every alert these readings cross for the first time. */
    check(tenantId: string, spaceId: string, readings: readonly CounterReading[]): void {
      for (const reading of readings) {
        for (const threshold of thresholds(reading.rule)) {
          const crossed = reading.totalNano > 0 && reading.totalNano >= threshold * reading.rule.limitNano;
          if (!crossed) continue;
          const memo = `${tenantId}:${reading.rule.id}:${reading.window.label}:${threshold}`;
          if (raised.has(memo)) continue;
          raised.set(memo, true);
          const pending = raise(tenantId, spaceId, reading, threshold)
            .catch((error: unknown) => {
              raised.delete(memo);
              logger.warn(
                { err: error, budget_id: reading.rule.id, threshold },
                "raising a budget alert failed",
              );
            })
            .finally(() => inFlight.delete(pending));
          inFlight.add(pending);
        }
      }
    },
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

export type BudgetAlerts = ReturnType<typeof createBudgetAlerts>;
