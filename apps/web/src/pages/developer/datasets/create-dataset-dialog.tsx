import type { DatasetResponse } from "@tributary/contracts";
import { Dialog } from "../../../ui/dialog";
import { CreateDatasetForm } from "./create-dataset-form";
import { suggestedModels } from "./embedding-models";
import { useCreateDataset, useEmbeddingModels } from "./use-datasets";

export function CreateDatasetDialog({
  open,
  spaceId,
  datasets,
  onCreated,
  onClose,
}: {
  open: boolean;
  spaceId: string;
  /** The datasets loaded so far: their models are offered as suggestions. */
  datasets: readonly DatasetResponse[];
  onCreated: (dataset: DatasetResponse) => void;
  onClose: () => void;
}) {
  const create = useCreateDataset(spaceId);
  const served = useEmbeddingModels(open).data?.data;
  const close = () => {
    if (create.isPending) return;
    create.reset();
    onClose();
  };
  return (
    <Dialog open={open} title="Create a vector dataset" onClose={close} busy={create.isPending}>
      <CreateDatasetForm
        modelSuggestions={suggestedModels(datasets, create.error, served)}
        busy={create.isPending}
        error={create.error}
        onCancel={close}
        onSubmit={(request) =>
          create.mutate(request, {
            onSuccess: (dataset) => {
              create.reset();
              onCreated(dataset);
            },
          })
        }
      />
    </Dialog>
  );
}
