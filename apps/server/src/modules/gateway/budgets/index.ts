export type { BudgetAlertEventData } from "@tributary/contracts";
export { budgetAlertEventType } from "./budget-alerts.js";
export {
  type BudgetExceeded,
  type BudgetGuard,
  type BudgetGuardOptions,
  type BudgetReservation,
  createBudgetGuard,
  type ReserveInput,
  type ReserveResult,
} from "./budget-guard.js";
export type { KeyBudgetSettings } from "./budget-rule.js";
