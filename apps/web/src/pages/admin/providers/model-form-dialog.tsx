import type { GatewayCapability, GatewayModel, GatewayProvider } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { Button } from "../../../ui/button";
import { Dialog } from "../../../ui/dialog";
import { ErrorMessage } from "../../../ui/feedback";
import { InputField, SelectField } from "../../../ui/field";
import { DeploymentsEditor } from "./deployments-editor";
import {
  buildCreateModel,
  buildUpdateModel,
  capabilityLabels,
  type ModelField,
  type ModelFormValues,
  modelValues,
  newModelValues,
} from "./model-form-values";
import { useCreateModel, useUpdateModel } from "./use-catalog";

/** Adds a model with its deployments and first prices, or edits one (`model` given). */
export function ModelFormDialog({
  open,
  model,
  providers,
  onClose,
}: {
  open: boolean;
  model: GatewayModel | null;
  providers: readonly GatewayProvider[];
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title={model ? `Edit model ${model.name}` : "Add a model"} onClose={onClose}>
      <ModelForm key={model?.id ?? "new"} model={model} providers={providers} onDone={onClose} />
    </Dialog>
  );
}

function ModelForm({
  model,
  providers,
  onDone,
}: {
  model: GatewayModel | null;
  providers: readonly GatewayProvider[];
  onDone: () => void;
}) {
  const create = useCreateModel();
  const update = useUpdateModel();
  const [values, setValues] = useState<ModelFormValues>(() =>
    model ? modelValues(model) : newModelValues(providers[0]?.name),
  );
  const [errors, setErrors] = useState<Partial<Record<ModelField, string>>>({});
  const set = <K extends keyof ModelFormValues>(field: K, value: ModelFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const busy = create.isPending || update.isPending;

  function toggleCapability(capability: GatewayCapability, on: boolean) {
    set(
      "capabilities",
      on ? [...values.capabilities, capability] : values.capabilities.filter((item) => item !== capability),
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (model) {
      const built = buildUpdateModel(values);
      if (!built.ok) return setErrors(built.errors);
      setErrors({});
      update.mutate({ id: model.id, body: built.body }, { onSuccess: onDone });
    } else {
      const built = buildCreateModel(values);
      if (!built.ok) return setErrors(built.errors);
      setErrors({});
      create.mutate(built.body, { onSuccess: onDone });
    }
  }

  return (
    <form onSubmit={submit} noValidate className="max-h-[70vh] space-y-4 overflow-y-auto pr-1">
      <InputField
        label="Model name"
        value={values.name}
        onChange={(event) => set("name", event.target.value)}
        error={errors.name}
        hint="What clients send as `model`."
        required
      />
      <InputField
        label="Display name (optional)"
        value={values.displayName}
        onChange={(event) => set("displayName", event.target.value)}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Kind"
          value={values.kind}
          onChange={(event) => set("kind", event.target.value === "embedding" ? "embedding" : "chat")}
        >
          <option value="chat">Chat</option>
          <option value="embedding">Embedding</option>
        </SelectField>
        <InputField
          label="Aliases"
          value={values.aliases}
          onChange={(event) => set("aliases", event.target.value)}
          error={errors.aliases}
          hint="Other names for it, comma-separated."
        />
        <InputField
          label="Context window (tokens)"
          inputMode="numeric"
          value={values.contextWindow}
          onChange={(event) => set("contextWindow", event.target.value)}
          error={errors.contextWindow}
        />
        <InputField
          label="Max output tokens"
          inputMode="numeric"
          value={values.maxOutputTokens}
          onChange={(event) => set("maxOutputTokens", event.target.value)}
          error={errors.maxOutputTokens}
        />
        <InputField
          label="Quality rank (0–100)"
          inputMode="numeric"
          value={values.qualityRank}
          onChange={(event) => set("qualityRank", event.target.value)}
          error={errors.qualityRank}
          hint="Used when a client asks for the best quality."
        />
      </div>
      <DeploymentsEditor
        deployments={values.deployments}
        providers={providers}
        error={errors.deployments}
        onChange={(deployments) => set("deployments", deployments)}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">Capabilities</legend>
        <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">
          {model
            ? "What the router may rely on."
            : "None ticked: the well-known model's, or the provider type's defaults."}
        </p>
        <div className="grid gap-1 sm:grid-cols-2">
          {(Object.keys(capabilityLabels) as GatewayCapability[]).map((capability) => (
            <label key={capability} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4"
                checked={values.capabilities.includes(capability)}
                onChange={(event) => toggleCapability(capability, event.target.checked)}
              />
              {capabilityLabels[capability]}
            </label>
          ))}
        </div>
      </fieldset>
      {!model && (
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-200">
            Prices, USD per million tokens (optional)
          </legend>
          <InputField
            label="Input price"
            inputMode="decimal"
            value={values.inputPrice}
            onChange={(event) => set("inputPrice", event.target.value)}
            error={errors.inputPrice}
          />
          <InputField
            label="Output price"
            inputMode="decimal"
            value={values.outputPrice}
            onChange={(event) => set("outputPrice", event.target.value)}
            error={errors.outputPrice}
          />
          <p className="text-xs text-slate-600 dark:text-slate-300 sm:col-span-2">
            Empty: the well-known model's price, else free. Later changes are new price versions.
          </p>
        </fieldset>
      )}
      <ErrorMessage error={create.error ?? update.error} title="The model could not be saved" />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onDone} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {model ? "Save model" : "Add model"}
        </Button>
      </div>
    </form>
  );
}
