import type { Budget, BudgetMode, BudgetPeriod, BudgetScope, BudgetSpend } from "@tributary/contracts";
import { toNanoUsd } from "./usd-units.js";

/** A budget as the hot path uses it: limits already in nano-USD. */
export interface BudgetRule {
  /** A gateway_budgets id, or `api_key:<key id>:<period>` for a key's own budget. */
  readonly id: string;
  readonly scope: BudgetScope;
  readonly scopeId: string;
  readonly period: BudgetPeriod;
  readonly mode: BudgetMode;
  readonly limitUsd: number;
  readonly limitNano: number;
  readonly alertThreshold: number;
}

/** A gateway_budgets row as PostgreSQL returns it (numeric as text). */
export interface BudgetRow {
  id: string;
  tenant_id: string;
  scope: BudgetScope;
  scope_id: string;
  period: BudgetPeriod;
  limit_usd: string;
  mode: BudgetMode;
  alert_threshold: string;
  created_at: Date;
  updated_at: Date;
}

export const budgetColumns =
  "id, tenant_id, scope, scope_id, period, limit_usd, mode, alert_threshold, created_at, updated_at";

/** A row as the API shows it, with what it has spent (see `withSpend`). */
export function toBudget(row: BudgetRow, spend: BudgetSpend): Budget {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    scope: row.scope,
    scope_id: row.scope_id,
    period: row.period,
    limit_usd: Number(row.limit_usd),
    mode: row.mode,
    alert_threshold: Number(row.alert_threshold),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    spend,
  };
}

export function toRule(row: BudgetRow): BudgetRule {
  const limitUsd = Number(row.limit_usd);
  return {
    id: row.id,
    scope: row.scope,
    scopeId: row.scope_id,
    period: row.period,
    mode: row.mode,
    limitUsd,
    limitNano: toNanoUsd(limitUsd, "nearest"),
    alertThreshold: Number(row.alert_threshold),
  };
}

/**
 * The budgets an API key carries in its own settings (identity's `Principal.apiKey.gateway`),
 * passed as plain values so the gateway needs nothing from identity here.
 */
export interface KeyBudgetSettings {
  readonly budget_daily_usd?: number | null;
  readonly budget_monthly_usd?: number | null;
  /** `hard` unless set. */
  readonly budget_mode?: BudgetMode | null;
}

const keyAlertThreshold = 0.8;

export function keyBudgetRules(apiKeyId: string, settings: KeyBudgetSettings): BudgetRule[] {
  const mode = settings.budget_mode ?? "hard";
  const rules: BudgetRule[] = [];
  const daily = settings.budget_daily_usd;
  const monthly = settings.budget_monthly_usd;
  if (daily !== null && daily !== undefined) rules.push(keyBudgetRule(apiKeyId, "day", mode, daily));
  if (monthly !== null && monthly !== undefined) rules.push(keyBudgetRule(apiKeyId, "month", mode, monthly));
  return rules;
}

function keyBudgetRule(
  apiKeyId: string,
  period: BudgetPeriod,
  mode: BudgetMode,
  limitUsd: number,
): BudgetRule {
  return {
    id: `api_key:${apiKeyId}:${period}`,
    scope: "api_key",
    scopeId: apiKeyId,
    period,
    mode,
    limitUsd,
    limitNano: toNanoUsd(limitUsd, "nearest"),
    alertThreshold: keyAlertThreshold,
  };
}
