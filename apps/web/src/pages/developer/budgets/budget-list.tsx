import type { Budget } from "@tributary/contracts";
import { formatUsd } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { Badge } from "../../../ui/feedback";
import { modeLabels, periodPhrases, scopeLabels } from "./budget-labels";
import { SpendMeter } from "./spend-meter";

export interface BudgetListProps {
  readonly budgets: readonly Budget[];
  readonly nameOf: (budget: Budget) => string;
  readonly onEdit: (budget: Budget) => void;
  readonly onDelete: (budget: Budget) => void;
}

/** One card per budget (a table would not fit a phone): what it caps, how much, and how much is gone. */
export function BudgetList({ budgets, nameOf, onEdit, onDelete }: BudgetListProps) {
  return (
    <ul className="space-y-3" aria-label="Budgets">
      {budgets.map((budget) => {
        const target = nameOf(budget);
        const title = `${scopeLabels[budget.scope]}: ${target}`;
        const alertPercent = Math.round(budget.alert_threshold * 1000) / 10;
        return (
          <li
            key={budget.id}
            data-testid="budget-row"
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold">
                  <Badge tone="info">{scopeLabels[budget.scope]}</Badge>
                  <span className="break-all">{target}</span>
                </h2>
                <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">
                  {formatUsd(budget.limit_usd)} {periodPhrases[budget.period]}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => onEdit(budget)} aria-label={`Edit ${title}`}>
                  Edit
                </Button>
                <Button variant="secondary" onClick={() => onDelete(budget)} aria-label={`Delete ${title}`}>
                  Delete
                </Button>
              </div>
            </div>
            <div className="mt-3">
              <SpendMeter
                spentUsd={budget.spend.spent_usd}
                limitUsd={budget.limit_usd}
                alertThreshold={budget.alert_threshold}
                mode={budget.mode}
                label={`Spent of ${title}, ${periodPhrases[budget.period]}`}
              />
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">When exceeded</dt>
                <dd>
                  <Badge tone={budget.mode === "hard" ? "danger" : "warning"}>
                    {modeLabels[budget.mode]}
                  </Badge>
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Alert at</dt>
                <dd>
                  {alertPercent}% ({formatUsd(budget.limit_usd * budget.alert_threshold)})
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
