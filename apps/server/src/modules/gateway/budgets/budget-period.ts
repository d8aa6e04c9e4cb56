import type { BudgetPeriod } from "@tributary/contracts";
import { assertNever } from "../../../platform/errors/index.js";

/** One UTC day or calendar month: its counter label (`2026-11-22`, `2026-11`) and bounds. */
export interface PeriodWindow {
  readonly label: string;
  readonly start: Date;
  readonly end: Date;
}

const dayMs = 86_400_000;
/** Both windows of the UTC day last asked about: every call of a day shares them. */
let memo: { readonly day: number; readonly windows: Readonly<Record<BudgetPeriod, PeriodWindow>> } | null =
  null;

/** The window of `period` around `now`; callers share the objects, so they must not change them. */
export function periodWindow(period: BudgetPeriod, now: Date): PeriodWindow {
  // UTC days are whole multiples of dayMs since the epoch (JavaScript time has no leap seconds),
  // and a month's window changes only when the day does.
  const day = Math.floor(now.getTime() / dayMs);
  if (memo?.day !== day) {
    memo = { day, windows: { day: computeWindow("day", now), month: computeWindow("month", now) } };
  }
  return memo.windows[period];
}

function computeWindow(period: BudgetPeriod, now: Date): PeriodWindow {
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
