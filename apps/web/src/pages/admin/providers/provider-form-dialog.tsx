import type { GatewayProvider, GatewayProviderType } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { Button } from "../../../ui/button";
import { Dialog } from "../../../ui/dialog";
import { ErrorMessage } from "../../../ui/feedback";
import { InputField, SelectField } from "../../../ui/field";
import {
  buildCreateProvider,
  buildUpdateProvider,
  newProviderValues,
  type ProviderField,
  type ProviderFormValues,
  providerTypeLabels,
  providerValues,
  storedKeyText,
} from "./provider-form-values";
import { useCreateProvider, useUpdateProvider } from "./use-catalog";

/** Adds a provider, or edits one (`provider` given); the API key is write-only either way. */
export function ProviderFormDialog({
  open,
  provider,
  onClose,
}: {
  open: boolean;
  provider: GatewayProvider | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      title={provider ? `Edit provider ${provider.name}` : "Add a provider"}
      onClose={onClose}
    >
      {/* Keyed, so reopening for another provider starts from its values. */}
      <ProviderForm key={provider?.id ?? "new"} provider={provider} onDone={onClose} />
    </Dialog>
  );
}

function ProviderForm({ provider, onDone }: { provider: GatewayProvider | null; onDone: () => void }) {
  const create = useCreateProvider();
  const update = useUpdateProvider();
  const [values, setValues] = useState<ProviderFormValues>(
    provider ? providerValues(provider) : newProviderValues,
  );
  const [errors, setErrors] = useState<Partial<Record<ProviderField, string>>>({});
  const set = <K extends keyof ProviderFormValues>(field: K, value: ProviderFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const busy = create.isPending || update.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (provider) {
      const built = buildUpdateProvider(values, provider);
      if (!built.ok) return setErrors(built.errors);
      setErrors({});
      if (!built.body) return onDone();
      update.mutate({ id: provider.id, body: built.body }, { onSuccess: onDone });
    } else {
      const built = buildCreateProvider(values);
      if (!built.ok) return setErrors(built.errors);
      setErrors({});
      create.mutate(built.body, { onSuccess: onDone });
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <InputField
        label="Provider name"
        value={values.name}
        onChange={(event) => set("name", event.target.value)}
        error={errors.name}
        hint="How models name it in their deployments, e.g. openai-main."
        required
      />
      <SelectField
        label="Type"
        value={values.type}
        disabled={provider !== null}
        hint={provider ? "The type cannot change; add a new provider instead." : undefined}
        onChange={(event) => set("type", event.target.value as GatewayProviderType)}
      >
        {(Object.keys(providerTypeLabels) as GatewayProviderType[]).map((type) => (
          <option key={type} value={type}>
            {providerTypeLabels[type]}
          </option>
        ))}
      </SelectField>
      <InputField
        label="Base URL"
        type="url"
        value={values.baseUrl}
        onChange={(event) => set("baseUrl", event.target.value)}
        error={errors.baseUrl}
        hint={
          values.type === "openai_compatible"
            ? "Required, e.g. http://vllm:8000/v1."
            : "Leave empty for the type's default endpoint."
        }
      />
      <InputField
        label="API key"
        type="password"
        autoComplete="new-password"
        value={values.apiKey}
        disabled={values.removeApiKey}
        onChange={(event) => set("apiKey", event.target.value)}
        hint={
          provider?.has_api_key
            ? `A key is ${storedKeyText(provider)}. Leave empty to keep it; it is never shown.`
            : "Encrypted at rest and never shown again."
        }
      />
      {provider?.has_api_key && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={values.removeApiKey}
            onChange={(event) => set("removeApiKey", event.target.checked)}
          />
          Remove the stored key
        </label>
      )}
      <InputField
        label="Timeout (ms)"
        inputMode="numeric"
        value={values.timeoutMs}
        onChange={(event) => set("timeoutMs", event.target.value)}
        error={errors.timeoutMs}
        hint="Empty: the gateway's default."
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4"
          checked={values.enabled}
          onChange={(event) => set("enabled", event.target.checked)}
        />
        Enabled: the router may send calls to it
      </label>
      <ErrorMessage error={create.error ?? update.error} title="The provider could not be saved" />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onDone} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {provider ? "Save provider" : "Add provider"}
        </Button>
      </div>
    </form>
  );
}
