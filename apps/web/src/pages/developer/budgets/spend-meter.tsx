import type { BudgetMode } from "@tributary/contracts";
import { cx } from "../../../lib/cx";
import { formatUsd } from "../../../lib/format";
import { type SpendLevel, spendLevel, spentPercent } from "./spend-level";

const barColours: Record<SpendLevel, string> = {
  ok: "bg-emerald-600 dark:bg-emerald-500",
  near: "bg-amber-500 dark:bg-amber-400",
  over: "bg-red-600 dark:bg-red-500",
};

const levelText: Record<SpendLevel, string> = {
  ok: "text-emerald-800 dark:text-emerald-300",
  near: "text-amber-800 dark:text-amber-300",
  over: "text-red-800 dark:text-red-300",
};

/** The level in words too: colour alone does not tell everyone. */
function levelLabel(level: SpendLevel, mode: BudgetMode): string {
  if (level === "ok") return "Within budget";
  if (level === "near") return "Near the limit";
  return mode === "hard" ? "Limit reached: calls are refused" : "Over the limit (alert only)";
}

export interface SpendMeterProps {
  /** What the budget's scope has spent in the current period, as the API reports it. */
  readonly spentUsd: number;
  readonly limitUsd: number;
  readonly alertThreshold: number;
  readonly mode: BudgetMode;
  /** Names the bar for screen readers, e.g. "Spent of Whole tenant, per month". */
  readonly label: string;
}

/** Spent against the limit: amounts, a bar coloured by how close it is, and a mark at the alert threshold. */
export function SpendMeter({ spentUsd: spent, limitUsd, alertThreshold, mode, label }: SpendMeterProps) {
  const level = spendLevel(spent, limitUsd, alertThreshold);
  const percent = spentPercent(spent, limitUsd);
  const summary = `${formatUsd(spent)} of ${formatUsd(limitUsd)} spent (${percent}%)`;
  return (
    <div className="space-y-1" data-testid="budget-spend" data-level={level}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span>
          <span className="font-semibold">{formatUsd(spent)}</span>
          <span className="text-slate-600 dark:text-slate-300"> of {formatUsd(limitUsd)} spent</span>
        </span>
        <span className={cx("font-medium", levelText[level])}>
          {percent}% · {levelLabel(level, mode)}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, percent)}
        aria-valuetext={summary}
        className="relative h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={cx("h-full rounded-full", barColours[level])}
          style={{ width: `${Math.min(100, percent)}%` }}
        />
        {limitUsd > 0 && (
          <div
            aria-hidden="true"
            title="Alert threshold"
            className="absolute inset-y-0 w-0.5 bg-slate-700 dark:bg-slate-200"
            style={{ left: `${Math.min(100, alertThreshold * 100)}%` }}
          />
        )}
      </div>
    </div>
  );
}
