import type { BudgetMode, BudgetPeriod, BudgetScope } from "@tributary/contracts";

/** Records, so a scope, period or mode added to the contract fails to compile until it has words. */
export const scopeLabels: Record<BudgetScope, string> = {
  tenant: "Whole tenant",
  space: "Space",
  user: "User",
  api_key: "API key",
};

export const scopeDescriptions: Record<BudgetScope, string> = {
  tenant: "Every gateway call made in any space of this space's organization (its tenant).",
  space: "Calls made in one space.",
  user: "Calls made by one person, whichever space or key they use.",
  api_key: "Calls made with one API key.",
};

export const periodLabels: Record<BudgetPeriod, string> = {
  day: "Per day (UTC)",
  month: "Per month (UTC)",
};

/** "$50.00 per UTC month". */
export const periodPhrases: Record<BudgetPeriod, string> = {
  day: "per UTC day",
  month: "per UTC month",
};

export const modeLabels: Record<BudgetMode, string> = {
  hard: "Block calls",
  soft: "Alert only",
};

export const modeDescriptions: Record<BudgetMode, string> = {
  hard: "Calls that would pass the limit are refused until the period ends.",
  soft: "Calls go on; an alert is raised when the limit is passed.",
};

export const budgetScopes = Object.keys(scopeLabels) as BudgetScope[];
export const budgetPeriods = Object.keys(periodLabels) as BudgetPeriod[];
