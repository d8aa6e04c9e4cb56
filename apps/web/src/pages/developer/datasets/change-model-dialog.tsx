import type { DatasetResponse } from "@tributary/contracts";
import { type FormEvent, useId, useState } from "react";
import { formatNumber } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { Dialog } from "../../../ui/dialog";
import { ErrorMessage, Notice } from "../../../ui/feedback";
import { InputField } from "../../../ui/field";
import { suggestedModels } from "./embedding-models";
import { type ModelChangeResult, useChangeEmbeddingModel, useEmbeddingModels } from "./use-datasets";

export interface ChangeModelDialogProps {
  readonly spaceId: string;
  /** The dataset whose model to change; null: closed. */
  readonly dataset: DatasetResponse | null;
  /** Datasets loaded so far: their models are offered as suggestions. */
  readonly datasets: readonly DatasetResponse[];
  readonly onChanged: (result: ModelChangeResult) => void;
  readonly onClose: () => void;
}

/**
 * PATCH embedding_model: an empty dataset switches at once (200); one with vectors answers 202
 * and is re-embedded in the background, its progress shown on the page once the dialog closes.
 */
export function ChangeModelDialog({
  spaceId,
  dataset,
  datasets,
  onChanged,
  onClose,
}: ChangeModelDialogProps) {
  const change = useChangeEmbeddingModel(spaceId);
  const served = useEmbeddingModels(dataset !== null).data?.data;
  const close = () => {
    if (change.isPending) return;
    change.reset();
    onClose();
  };
  return (
    <Dialog
      open={dataset !== null}
      title="Change the embedding model"
      onClose={close}
      busy={change.isPending}
    >
      {dataset && (
        <ChangeModelForm
          dataset={dataset}
          suggestions={suggestedModels(datasets, change.error, served).filter(
            (name) => name !== dataset.embedding_model,
          )}
          busy={change.isPending}
          error={change.error}
          onCancel={close}
          onSubmit={(model) =>
            change.mutate(
              { name: dataset.name, model },
              {
                onSuccess: (result) => {
                  change.reset();
                  onChanged(result);
                },
              },
            )
          }
        />
      )}
    </Dialog>
  );
}

function ChangeModelForm({
  dataset,
  suggestions,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  dataset: DatasetResponse;
  suggestions: readonly string[];
  busy: boolean;
  error: unknown;
  onSubmit: (model: string) => void;
  onCancel: () => void;
}) {
  const [model, setModel] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const listId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const name = model.trim();
    if (!name) return setFieldError("Enter the model to change to");
    if (name === dataset.embedding_model) return setFieldError(`The dataset already uses ${name}`);
    setFieldError(undefined);
    onSubmit(name);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        <span className="font-mono">{dataset.name}</span> uses <strong>{dataset.embedding_model}</strong> (
        {formatNumber(dataset.dimensions)} dimensions). Its dimensions follow the new model.
      </p>
      <InputField
        label="New embedding model"
        list={listId}
        value={model}
        onChange={(event) => setModel(event.target.value)}
        error={fieldError}
        spellCheck={false}
        autoComplete="off"
        required
        autoFocus
      />
      <datalist id={listId}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <Notice tone="info">
        {dataset.vector_count > 0
          ? `Its ${formatNumber(dataset.vector_count)} vectors are re-embedded in the background from their stored text. Searches keep using ${dataset.embedding_model} until every record is done, then switch at once.`
          : "The dataset is empty, so it switches at once."}
      </Notice>
      <ErrorMessage error={error} title="The model could not be changed" />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy} data-testid="submit-change-model">
          Change model
        </Button>
      </div>
    </form>
  );
}
