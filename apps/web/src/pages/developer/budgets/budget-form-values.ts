import type {
  Budget,
  BudgetMode,
  BudgetPeriod,
  BudgetScope,
  CreateBudgetRequest,
  UpdateBudgetRequest,
} from "@tributary/contracts";

/** The target select's choice for "an id that is not in the list" (someone else's key, say). */
export const otherTarget = "__other__";

/** The budget form as typed: text, so a half-typed amount is kept until submit says what is wrong. */
export interface BudgetFormValues {
  readonly scope: BudgetScope;
  /** The space, user or key picked from a list; `otherTarget` when its id is typed in. Unused for `tenant`. */
  readonly target: string;
  /** The id typed in when `target` is `otherTarget`. */
  readonly targetId: string;
  readonly period: BudgetPeriod;
  /** USD, e.g. `50` or `$12.50`. */
  readonly limitUsd: string;
  readonly mode: BudgetMode;
  /** Percent of the limit (the API takes a fraction), e.g. `80`. */
  readonly alertPercent: string;
}

export type BudgetFormField = keyof BudgetFormValues;
export type BudgetFormErrors = Partial<Record<BudgetFormField, string>>;

export const emptyBudgetForm: BudgetFormValues = {
  scope: "tenant",
  target: "",
  targetId: "",
  period: "month",
  limitUsd: "",
  mode: "hard",
  alertPercent: "80",
};

/** What the target starts as when the scope changes: a space budget caps this space unless told otherwise. */
export function defaultTarget(scope: BudgetScope, currentSpaceId: string): string {
  return scope === "space" ? currentSpaceId : "";
}

/** An existing budget as the edit form shows it. */
export function budgetFormFromBudget(budget: Budget): BudgetFormValues {
  return {
    scope: budget.scope,
    target: budget.scope === "tenant" ? "" : budget.scope_id,
    targetId: "",
    period: budget.period,
    limitUsd: String(budget.limit_usd),
    mode: budget.mode,
    alertPercent: String(Math.round(budget.alert_threshold * 10_000) / 100),
  };
}

export type CreateBudgetResult =
  | { readonly ok: true; readonly request: CreateBudgetRequest }
  | { readonly ok: false; readonly errors: BudgetFormErrors };

/** Checks the form the way the API will, so most mistakes are shown beside their field before a round trip. */
export function buildCreateBudgetRequest(values: BudgetFormValues): CreateBudgetResult {
  const errors: BudgetFormErrors = {};
  const amounts = parseAmounts(values, errors);
  const scopeId = parseScopeId(values, errors);
  if (!amounts || scopeId === "invalid" || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      scope: values.scope,
      ...(scopeId === undefined ? {} : { scope_id: scopeId }),
      period: values.period,
      limit_usd: amounts.limitUsd,
      mode: values.mode,
      alert_threshold: amounts.alertThreshold,
    },
  };
}

export type UpdateBudgetResult =
  | { readonly ok: true; readonly request: UpdateBudgetRequest | null }
  | { readonly ok: false; readonly errors: BudgetFormErrors };

/**
 * Only what changed (scope, target and period cannot change: that is another budget). `null`
 * when nothing changed, since the API refuses an empty change.
 */
export function buildUpdateBudgetRequest(budget: Budget, values: BudgetFormValues): UpdateBudgetResult {
  const errors: BudgetFormErrors = {};
  const amounts = parseAmounts(values, errors);
  if (!amounts) return { ok: false, errors };
  const request: { -readonly [K in keyof UpdateBudgetRequest]: UpdateBudgetRequest[K] } = {};
  if (amounts.limitUsd !== budget.limit_usd) request.limit_usd = amounts.limitUsd;
  if (values.mode !== budget.mode) request.mode = values.mode;
  if (amounts.alertThreshold !== budget.alert_threshold) request.alert_threshold = amounts.alertThreshold;
  return { ok: true, request: Object.keys(request).length > 0 ? request : null };
}

function parseAmounts(
  values: BudgetFormValues,
  errors: BudgetFormErrors,
): { limitUsd: number; alertThreshold: number } | null {
  const limitUsd = parseUsd(values.limitUsd);
  if (limitUsd === undefined) errors.limitUsd = "Enter the limit in US dollars, e.g. 50";
  else if (limitUsd === "invalid") errors.limitUsd = "An amount from 0 to 1,000,000";
  const percent = parsePercent(values.alertPercent);
  if (percent === undefined) errors.alertPercent = "Enter a percentage of the limit, e.g. 80";
  else if (percent === "invalid") errors.alertPercent = "A percentage above 0 and at most 100";
  if (typeof limitUsd !== "number" || typeof percent !== "number") return null;
  // Rounded: 0.1 + 0.2-style noise must not read as a change, nor reach the API.
  return { limitUsd, alertThreshold: Math.round(percent * 10_000) / 1_000_000 };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const spacePattern = /^space_[0-9]{1,40}$/;

/** The `scope_id` to send: none for the tenant (the server knows it), else the picked or typed id. */
function parseScopeId(values: BudgetFormValues, errors: BudgetFormErrors): string | undefined | "invalid" {
  if (values.scope === "tenant") return undefined;
  const typed = values.target === otherTarget;
  const id = (typed ? values.targetId : values.target).trim();
  const field: BudgetFormField = typed ? "targetId" : "target";
  const [article, noun] = (
    { space: ["a", "space"], user: ["a", "user"], api_key: ["an", "API key"] } as const
  )[values.scope];
  if (!id) {
    errors[field] = typed ? `Enter the ${noun}'s id` : `Choose ${article} ${noun}`;
    return "invalid";
  }
  if (values.scope === "space" ? !spacePattern.test(id) : !uuidPattern.test(id)) {
    errors[field] =
      values.scope === "space"
        ? "A space id looks like space_1700000000001"
        : `The ${noun}'s id is a UUID, e.g. 0190a000-0000-7000-8000-000000000001`;
    return "invalid";
  }
  return values.scope === "space" ? id : id.toLowerCase();
}

function parseUsd(text: string): number | undefined | "invalid" {
  const trimmed = text
    .trim()
    .replace(/^\$\s*/, "")
    .replaceAll(",", "");
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 && value <= 1_000_000 ? value : "invalid";
}

function parsePercent(text: string): number | undefined | "invalid" {
  const trimmed = text.trim().replace(/\s*%$/, "");
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value > 0 && value <= 100 ? value : "invalid";
}
