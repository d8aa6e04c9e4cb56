import type { Budget } from "@tributary/contracts";
import { assertNever } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { type SpendScope, spentSince } from "../../usage/index.js";
import { periodWindow } from "./budget-period.js";
import { type BudgetRow, type BudgetRule, toBudget } from "./budget-rule.js";
import { fromNanoUsd, toNanoUsd } from "./usd-units.js";

/** Whose usage records count against a budget: the same sum seeds the guard's counters. */
export function spendScope(tenantId: string, budget: Pick<BudgetRule, "scope" | "scopeId">): SpendScope {
  switch (budget.scope) {
    case "tenant":
      return { tenantId, kind: "tenant" };
    case "space":
      return { tenantId, kind: "space", spaceId: budget.scopeId };
    case "user":
      return { tenantId, kind: "user", userId: budget.scopeId };
    case "api_key":
      return { tenantId, kind: "api_key", apiKeyId: budget.scopeId };
    default:
      return assertNever(budget.scope);
  }
}

/**
 * The budgets as the API shows them, each with what its scope has spent in the current UTC day
 * or month. Run inside the tenant's transaction that read or wrote the rows, so the figures and
 * the budgets are of one moment. One sum per budget: a tenant has a handful of them.
 */
export async function withSpend(
  tx: SqlTx,
  rows: readonly BudgetRow[],
  now: Date = new Date(),
): Promise<Budget[]> {
  const budgets: Budget[] = [];
  // One after another: a transaction runs one statement at a time anyway.
  for (const row of rows) {
    const window = periodWindow(row.period, now);
    const scope = spendScope(row.tenant_id, { scope: row.scope, scopeId: row.scope_id });
    const spentUsd = await spentSince(tx, scope, window.start, window.end);
    // In nano-USD, as the guard counts: 0.1 - 0.03 must read 0.07, not 0.07000000000000001.
    const remainingNano = toNanoUsd(Number(row.limit_usd), "nearest") - toNanoUsd(spentUsd, "nearest");
    budgets.push(
      toBudget(row, {
        spent_usd: spentUsd,
        period_start: window.start.toISOString(),
        period_end: window.end.toISOString(),
        remaining_usd: fromNanoUsd(Math.max(0, remainingNano)),
      }),
    );
  }
  return budgets;
}
