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
