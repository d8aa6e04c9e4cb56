import type { BudgetMode, BudgetPeriod, BudgetScope } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { Button } from "../../../ui/button";
import { ErrorMessage, Notice } from "../../../ui/feedback";
import { InputField, SelectField } from "../../../ui/field";
import {
  type BudgetFormErrors,
  type BudgetFormValues,
  defaultTarget,
  otherTarget,
} from "./budget-form-values";
import {
  budgetPeriods,
  budgetScopes,
  modeDescriptions,
  modeLabels,
  periodLabels,
  periodPhrases,
  scopeDescriptions,
  scopeLabels,
} from "./budget-labels";
import type { TargetOptions } from "./use-budget-targets";

export interface BudgetFormProps {
  readonly initial: BudgetFormValues;
  /** Editing: what the budget caps and its period are fixed (another target is another budget). */
  readonly editing: boolean;
  readonly currentSpaceId: string;
  readonly targets: TargetOptions;
  /** A name for a target the pickers do not list, shown while editing. */
  readonly targetName: string;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly error: unknown;
  /** Returns field errors to show, or null when the values were accepted for sending. */
  readonly onSubmit: (values: BudgetFormValues) => BudgetFormErrors | null;
  readonly onCancel: () => void;
}

/** Scope, target, period, limit, what happens when it is passed, and when to alert. */
export function BudgetForm({
  initial,
  editing,
  currentSpaceId,
  targets,
  targetName,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: BudgetFormProps) {
  const [values, setValues] = useState<BudgetFormValues>(initial);
  const [errors, setErrors] = useState<BudgetFormErrors>({});
  const set = <K extends keyof BudgetFormValues>(field: K, value: BudgetFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors(onSubmit(values) ?? {});
  }

  const limit = Number(values.limitUsd.trim().replace(/^\$/, ""));
  return (
    <form onSubmit={submit} noValidate className="max-h-[75vh] space-y-4 overflow-y-auto pr-1">
      {editing ? (
        <p className="text-sm text-slate-700 dark:text-slate-200" data-testid="budget-form-target">
          {scopeLabels[values.scope]}: <strong className="break-all">{targetName}</strong>,{" "}
          {periodPhrases[values.period]}. To cap something else or another period, create another budget.
        </p>
      ) : (
        <>
          <SelectField
            label="Applies to"
            value={values.scope}
            hint={scopeDescriptions[values.scope]}
            onChange={(event) => {
              const scope = event.target.value as BudgetScope;
              setValues((current) => ({
                ...current,
                scope,
                target: defaultTarget(scope, currentSpaceId),
                targetId: "",
              }));
            }}
          >
            {budgetScopes.map((scope) => (
              <option key={scope} value={scope}>
                {scopeLabels[scope]}
              </option>
            ))}
          </SelectField>
          {values.scope !== "tenant" && (
            <TargetFields
              scope={values.scope}
              options={targets[values.scope]}
              values={values}
              errors={errors}
              set={set}
            />
          )}
          <SelectField
            label="Period"
            value={values.period}
            hint="Spending starts again from zero at midnight UTC, or on the first of the month."
            onChange={(event) => set("period", event.target.value as BudgetPeriod)}
          >
            {budgetPeriods.map((period) => (
              <option key={period} value={period}>
                {periodLabels[period]}
              </option>
            ))}
          </SelectField>
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          label="Limit (USD)"
          inputMode="decimal"
          value={values.limitUsd}
          onChange={(event) => set("limitUsd", event.target.value)}
          error={errors.limitUsd}
          hint="From 0 to 1,000,000."
          autoFocus
        />
        <InputField
          label="Alert at (% of the limit)"
          inputMode="decimal"
          value={values.alertPercent}
          onChange={(event) => set("alertPercent", event.target.value)}
          error={errors.alertPercent}
          hint="One gateway.budget_alert event is raised per period when spending reaches it."
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">
          When the limit is reached
        </legend>
        {(["hard", "soft"] as const satisfies readonly BudgetMode[]).map((mode) => (
          <label key={mode} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="budget-mode"
              className="mt-1 size-4"
              checked={values.mode === mode}
              onChange={() => set("mode", mode)}
            />
            <span>
              <span className="font-medium">{modeLabels[mode]}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">
                {modeDescriptions[mode]}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {values.mode === "hard" && values.limitUsd.trim() !== "" && limit === 0 && (
        <Notice tone="warning">A $0 limit that blocks calls stops every paid call in its scope.</Notice>
      )}
      <ErrorMessage error={error} title={`${submitLabel} did not work`} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy} data-testid="save-budget">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

const targetNouns: Record<Exclude<BudgetScope, "tenant">, string> = {
  space: "Space",
  user: "User",
  api_key: "API key",
};

const otherLabels: Record<Exclude<BudgetScope, "tenant">, string> = {
  space: "Another space (enter its id)",
  user: "Someone else (enter their user id)",
  api_key: "Another key (enter its id)",
};

/** Picks the space, user or key from what the caller knows, or takes its id. */
function TargetFields({
  scope,
  options,
  values,
  errors,
  set,
}: {
  scope: Exclude<BudgetScope, "tenant">;
  options: TargetOptions[typeof scope];
  values: BudgetFormValues;
  errors: BudgetFormErrors;
  set: <K extends keyof BudgetFormValues>(field: K, value: BudgetFormValues[K]) => void;
}) {
  const noun = targetNouns[scope];
  return (
    <>
      <SelectField
        label={noun}
        value={values.target}
        error={errors.target}
        onChange={(event) => set("target", event.target.value)}
        hint={
          scope === "api_key"
            ? "Your own keys are listed. A key also keeps any budget set in its own settings."
            : scope === "user"
              ? "Members of this space are listed; anyone else in the organization can be named by id."
              : undefined
        }
      >
        <option value="">Choose…</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
        <option value={otherTarget}>{otherLabels[scope]}</option>
      </SelectField>
      {values.target === otherTarget && (
        <InputField
          label={`${noun} id`}
          value={values.targetId}
          onChange={(event) => set("targetId", event.target.value)}
          error={errors.targetId}
          placeholder={scope === "space" ? "space_1700000000001" : "0190a000-0000-7000-8000-000000000001"}
          spellCheck={false}
          autoComplete="off"
        />
      )}
    </>
  );
}
