import type { CreateDatasetRequest, MetricType } from "@tributary/contracts";
import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../../../api/api-error";
import { Button } from "../../../ui/button";
import { ErrorMessage } from "../../../ui/feedback";
import { InputField, SelectField, TextAreaField } from "../../../ui/field";
import { metricLabels } from "./dataset-facts";
import {
  buildCreateDatasetRequest,
  type DatasetFormErrors,
  type DatasetFormValues,
  emptyDatasetForm,
  formFieldOfApiField,
  type OfferedIndexType,
} from "./dataset-form-values";

const indexChoices: Record<OfferedIndexType, string> = {
  flat: "Flat: exact search (default)",
  hnsw: "HNSW: approximate, faster on large datasets",
  ivf: "IVF: accepted for compatibility, searched exactly",
};

export interface CreateDatasetFormProps {
  readonly modelSuggestions: readonly string[];
  readonly busy: boolean;
  readonly error: unknown;
  readonly onSubmit: (request: CreateDatasetRequest) => void;
  readonly onCancel: () => void;
}

/** Name, description, embedding model and dimensions, metric and index of a new dataset. */
export function CreateDatasetForm({
  modelSuggestions,
  busy,
  error,
  onSubmit,
  onCancel,
}: CreateDatasetFormProps) {
  const [values, setValues] = useState<DatasetFormValues>(emptyDatasetForm);
  const [errors, setErrors] = useState<DatasetFormErrors>({});
  const modelListId = useId();
  const set = <K extends keyof DatasetFormValues>(field: K, value: DatasetFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = buildCreateDatasetRequest(values);
    if (!built.ok) return setErrors(built.errors);
    setErrors({});
    onSubmit(built.request);
  }

  // The API's answer also lands beside the field it names.
  const shown = { ...apiFieldErrors(error), ...errors };
  return (
    <form onSubmit={submit} noValidate className="max-h-[75vh] space-y-4 overflow-y-auto pr-1">
      <InputField
        label="Dataset name"
        value={values.name}
        onChange={(event) => set("name", event.target.value)}
        error={shown.name}
        hint="Lower-case letters, digits, _ and -. It cannot change later."
        maxLength={100}
        spellCheck={false}
        autoComplete="off"
        required
        autoFocus
      />
      <TextAreaField
        label="Description (optional)"
        rows={2}
        value={values.description}
        onChange={(event) => set("description", event.target.value)}
        error={shown.description}
        maxLength={2000}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          label="Embedding model (optional)"
          list={modelListId}
          value={values.embeddingModel}
          onChange={(event) => set("embeddingModel", event.target.value)}
          error={shown.embeddingModel}
          hint="Empty: the platform's default model. Every vector of the dataset comes from this model."
          spellCheck={false}
          autoComplete="off"
        />
        <datalist id={modelListId}>
          {modelSuggestions.map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
        <InputField
          label="Dimensions (optional)"
          inputMode="numeric"
          value={values.dimensions}
          onChange={(event) => set("dimensions", event.target.value)}
          error={shown.dimensions}
          hint="Empty: the model's own. If given, it must equal them."
        />
        <SelectField
          label="Distance metric"
          value={values.metricType}
          onChange={(event) => set("metricType", event.target.value as MetricType)}
          error={shown.metricType}
        >
          {Object.entries(metricLabels).map(([metric, label]) => (
            <option key={metric} value={metric}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Index type"
          value={values.indexType}
          onChange={(event) => set("indexType", event.target.value as OfferedIndexType)}
          error={shown.indexType}
        >
          {Object.entries(indexChoices).map(([index, label]) => (
            <option key={index} value={index}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      {values.indexType === "hnsw" && (
        <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <legend className="px-1 text-sm font-medium">HNSW settings (optional)</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            <InputField
              label="m"
              inputMode="numeric"
              value={values.hnswM}
              onChange={(event) => set("hnswM", event.target.value)}
              error={shown.hnswM}
              hint="8–64, default 16"
            />
            <InputField
              label="ef_construction"
              inputMode="numeric"
              value={values.hnswEfConstruction}
              onChange={(event) => set("hnswEfConstruction", event.target.value)}
              error={shown.hnswEfConstruction}
              hint="100–500, default 200"
            />
            <InputField
              label="ef_search"
              inputMode="numeric"
              value={values.hnswEfSearch}
              onChange={(event) => set("hnswEfSearch", event.target.value)}
              error={shown.hnswEfSearch}
              hint="10–500, default 50"
            />
          </div>
        </fieldset>
      )}
      <ErrorMessage error={error} title="The dataset could not be created" />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy} data-testid="submit-create-dataset">
          Create dataset
        </Button>
      </div>
    </form>
  );
}

/** INVALID_DATASET_CONFIG names its field; a taken name is the name's problem. */
function apiFieldErrors(error: unknown): DatasetFormErrors {
  if (!(error instanceof ApiError)) return {};
  if (error.code === "DATASET_ALREADY_EXISTS") return { name: error.message };
  const field = formFieldOfApiField(error.details?.field);
  return field ? { [field]: error.message } : {};
}
