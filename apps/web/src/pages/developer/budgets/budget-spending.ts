import type { Budget, BudgetPeriod, BudgetScope, UsageGroupBy, UsageResponse } from "@tributary/contracts";

/** The UTC day or calendar month a budget counts in, as the gateway's budget guard cuts it. */
export interface PeriodWindow {
  readonly from: string;
  readonly to: string;
}

export function periodWindow(period: BudgetPeriod, now: Date): PeriodWindow {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const day = now.getUTCDate();
  const [start, end] =
    period === "day"
      ? [Date.UTC(year, month, day), Date.UTC(year, month, day + 1)]
      : [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1)];
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

/** The usage dimension whose groups hold a scope's spending; the tenant's is the grand total. */
const groupOfScope: Record<BudgetScope, UsageGroupBy | null> = {
  tenant: null,
  space: "space",
  user: "user",
  api_key: "api_key",
};

/** One usage question: the spending of every budget of one scope kind and period at once. */
export interface SpendingQuery {
  readonly period: BudgetPeriod;
  readonly scope: BudgetScope;
  readonly groupBy: UsageGroupBy | null;
}

export function spendingQueryKey(query: Pick<SpendingQuery, "period" | "scope">): string {
  return `${query.period}:${query.scope}`;
}

/** The fewest usage calls that cover every budget: one per scope kind and period in use (at most 8). */
export function spendingQueries(budgets: readonly Budget[]): SpendingQuery[] {
  const seen = new Map<string, SpendingQuery>();
  for (const budget of budgets) {
    const key = spendingQueryKey(budget);
    if (!seen.has(key)) {
      seen.set(key, { period: budget.period, scope: budget.scope, groupBy: groupOfScope[budget.scope] });
    }
  }
  return [...seen.values()];
}

/** What the budget's scope has spent in the answer's range; 0 when it made no call. */
export function spentOf(budget: Budget, usage: UsageResponse): number {
  if (budget.scope === "tenant") return usage.totals.cost_usd;
  return usage.groups?.find((group) => group.group === budget.scope_id)?.cost_usd ?? 0;
}

export type SpendLevel = "ok" | "near" | "over";

/** Near once the alert threshold is reached, over once the limit is (a $0 limit is over at any spend). */
export function spendLevel(spent: number, limit: number, alertThreshold: number): SpendLevel {
  if (limit <= 0) return spent > 0 ? "over" : "ok";
  if (spent >= limit) return "over";
  if (spent >= limit * alertThreshold) return "near";
  return "ok";
}

/** Whole percent of the limit spent, uncapped (150 when half again over); 0 for a $0 limit unspent. */
export function spentPercent(spent: number, limit: number): number {
  if (limit <= 0) return spent > 0 ? 100 : 0;
  return Math.floor((spent / limit) * 100);
}
