import type { ApiKeyScope } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { Button } from "../../../ui/button";
import { ErrorMessage } from "../../../ui/feedback";
import { InputField, SelectField, TextAreaField } from "../../../ui/field";
import {
  type ApiKeyFormValues,
  allScopes,
  type BuildResult,
  buildCreateApiKeyRequest,
  emptyApiKeyForm,
  scopeDescriptions,
} from "./api-key-form-values";

type Request = Extract<BuildResult, { ok: true }>["request"];

export interface CreateApiKeyFormProps {
  readonly spaceId: string;
  readonly spaceName: string;
  /** Only platform admins may give a key the admin scope; others are not offered it. */
  readonly canGrantAdmin: boolean;
  readonly busy: boolean;
  readonly error: unknown;
  readonly onSubmit: (request: Request) => void;
  readonly onCancel: () => void;
}

/** Name, scopes, space binding, expiry and the gateway's limits of a new key. */
export function CreateApiKeyForm({
  spaceId,
  spaceName,
  canGrantAdmin,
  busy,
  error,
  onSubmit,
  onCancel,
}: CreateApiKeyFormProps) {
  const [values, setValues] = useState<ApiKeyFormValues>(emptyApiKeyForm);
  const [errors, setErrors] = useState<Partial<Record<keyof ApiKeyFormValues, string>>>({});
  const set = <K extends keyof ApiKeyFormValues>(field: K, value: ApiKeyFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  function toggleScope(scope: ApiKeyScope, checked: boolean) {
    set("scopes", checked ? [...values.scopes, scope] : values.scopes.filter((item) => item !== scope));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = buildCreateApiKeyRequest(values, spaceId);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.request);
  }

  const offeredScopes = allScopes.filter((scope) => scope !== "admin" || canGrantAdmin);
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <InputField
        label="Key name"
        value={values.name}
        onChange={(event) => set("name", event.target.value)}
        error={errors.name}
        hint="Name it after the app or person that will use it."
        maxLength={100}
        required
        autoFocus
      />
      <fieldset className="space-y-2" aria-describedby={errors.scopes ? "api-key-scopes-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">Scopes</legend>
        {offeredScopes.map((scope) => (
          <label key={scope} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1 size-4"
              checked={values.scopes.includes(scope)}
              onChange={(event) => toggleScope(scope, event.target.checked)}
            />
            <span>
              <span className="font-mono font-medium">{scope}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">
                {scopeDescriptions[scope]}
              </span>
            </span>
          </label>
        ))}
        {errors.scopes && (
          <p id="api-key-scopes-error" className="text-xs text-red-700 dark:text-red-400">
            {errors.scopes}
          </p>
        )}
      </fieldset>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1 size-4"
          checked={values.onlyThisSpace}
          onChange={(event) => set("onlyThisSpace", event.target.checked)}
        />
        <span>
          Only this space
          <span className="block text-xs text-slate-600 dark:text-slate-300">
            The key can act in “{spaceName}” and nowhere else. Unticked, it acts wherever you are a member.
          </span>
        </span>
      </label>
      <InputField
        label="Expires on (optional)"
        type="date"
        value={values.expiresOn}
        onChange={(event) => set("expiresOn", event.target.value)}
        error={errors.expiresOn}
        hint="The key stops working at the end of this day. Leave empty for a key that never expires."
      />
      <GatewayLimitsFields values={values} errors={errors} set={set} />
      <ErrorMessage error={error} title="The key could not be created" />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          Create key
        </Button>
      </div>
    </form>
  );
}

function GatewayLimitsFields({
  values,
  errors,
  set,
}: {
  values: ApiKeyFormValues;
  errors: Partial<Record<keyof ApiKeyFormValues, string>>;
  set: <K extends keyof ApiKeyFormValues>(field: K, value: ApiKeyFormValues[K]) => void;
}) {
  const hasBudget = values.budgetDailyUsd.trim() !== "" || values.budgetMonthlyUsd.trim() !== "";
  return (
    <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <summary className="cursor-pointer text-sm font-medium">Gateway limits (optional)</summary>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <InputField
          label="Requests per minute"
          inputMode="numeric"
          value={values.rpm}
          onChange={(event) => set("rpm", event.target.value)}
          error={errors.rpm}
          hint="Empty: no limit of its own."
        />
        <InputField
          label="Tokens per minute"
          inputMode="numeric"
          value={values.tpm}
          onChange={(event) => set("tpm", event.target.value)}
          error={errors.tpm}
        />
        <InputField
          label="Daily budget (USD)"
          inputMode="decimal"
          value={values.budgetDailyUsd}
          onChange={(event) => set("budgetDailyUsd", event.target.value)}
          error={errors.budgetDailyUsd}
          hint="Per UTC day."
        />
        <InputField
          label="Monthly budget (USD)"
          inputMode="decimal"
          value={values.budgetMonthlyUsd}
          onChange={(event) => set("budgetMonthlyUsd", event.target.value)}
          error={errors.budgetMonthlyUsd}
          hint="Per UTC month."
        />
        <SelectField
          label="When a budget is spent"
          value={values.budgetMode}
          disabled={!hasBudget}
          onChange={(event) => set("budgetMode", event.target.value === "soft" ? "soft" : "hard")}
        >
          <option value="hard">Refuse further calls</option>
          <option value="soft">Only alert</option>
        </SelectField>
        <SelectField
          label="Guardrail policy"
          value={values.guardrailPolicy}
          onChange={(event) =>
            set("guardrailPolicy", event.target.value as ApiKeyFormValues["guardrailPolicy"])
          }
        >
          <option value="">The organization's default</option>
          <option value="off">Off</option>
          <option value="detect">Detect personal data</option>
          <option value="redact">Redact personal data</option>
          <option value="block">Block personal data</option>
        </SelectField>
        <div className="sm:col-span-2">
          <TextAreaField
            label="Allowed models"
            rows={2}
            value={values.allowedModels}
            onChange={(event) => set("allowedModels", event.target.value)}
            error={errors.allowedModels}
            hint="Model names or aliases, separated by commas or lines. Empty allows every model."
          />
        </div>
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input
            type="checkbox"
            className="size-4"
            checked={values.cache}
            onChange={(event) => set("cache", event.target.checked)}
          />
          Use the gateway's response cache for identical calls
        </label>
      </div>
    </details>
  );
}
