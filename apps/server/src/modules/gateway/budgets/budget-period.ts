import type { BudgetPeriod } from "@tributary/contracts";
import { assertNever } from "../../../platform/errors/index.js";

/** One UTC day or calendar month: its counter label (`2026-11-22`, `2026-11`) and bounds. */
export interface PeriodWindow {
  readonly label: string;
  readonly start: Date;
  readonly end: Date;
}

export function periodWindow(period: BudgetPeriod, now: Date): PeriodWindow {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (period) {
    case "day": {
      const start = new Date(Date.UTC(year, month, now.getUTCDate()));
      return {
        label: start.toISOString().slice(0, 10),
        start,
        end: new Date(Date.UTC(year, month, now.getUTCDate() + 1)),
      };
    }
    case "month": {
      const start = new Date(Date.UTC(year, month, 1));
      return { label: start.toISOString().slice(0, 7), start, end: new Date(Date.UTC(year, month + 1, 1)) };
    }
    default:
      return assertNever(period);
  }
}
