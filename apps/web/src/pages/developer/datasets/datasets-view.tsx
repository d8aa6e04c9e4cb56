import type { DatasetResponse } from "@tributary/contracts";
import { useState } from "react";
import { formatNumber } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { AsyncConfirmDialog } from "../../../ui/confirm-dialog";
import { EmptyState, ErrorMessage, Notice, PageHeader, Spinner } from "../../../ui/feedback";
import { LoadMore } from "../../../ui/load-more";
import { ChangeModelDialog } from "./change-model-dialog";
import { CreateDatasetDialog } from "./create-dataset-dialog";
import { DatasetDetail } from "./dataset-detail";
import { DatasetList } from "./dataset-list";
import { useDatasetList, useDeleteDataset } from "./use-datasets";
import { isVectorStoreDisabled, VectorStoreDisabled } from "./vector-store-disabled";

/** The tenant's vector datasets: list, details with statistics, create, change model, delete. */
export function DatasetsView({ spaceId }: { spaceId: string }) {
  const list = useDatasetList(spaceId);
  const remove = useDeleteDataset(spaceId);
  const [openName, setOpenName] = useState<string | null>(null);
  const [closedName, setClosedName] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<DatasetResponse | null>(null);
  const [deleting, setDeleting] = useState<DatasetResponse | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = openName ? list.items.find((dataset) => dataset.name === openName) : undefined;

  const openCreate = () => {
    setDone(null);
    setCreating(true);
  };

  return (
    <>
      <PageHeader
        title="Vector datasets"
        description="Collections of vectors, each pinned to one embedding model, its dimensions, a distance metric and an index. Search them through the API."
        actions={
          list.isSuccess && (
            <Button onClick={openCreate} data-testid="create-dataset">
              Create dataset
            </Button>
          )
        }
      />
      <div aria-live="polite" className={done ? "mb-4" : undefined}>
        {done && <Notice tone="success">{done}</Notice>}
      </div>
      {list.isPending ? (
        <Spinner label="Loading datasets" />
      ) : isVectorStoreDisabled(list.error) ? (
        <VectorStoreDisabled error={list.error} />
      ) : list.error ? (
        <ErrorMessage error={list.error} title="Datasets could not be loaded" />
      ) : open ? (
        <DatasetDetail
          spaceId={spaceId}
          seed={open}
          onBack={() => {
            setClosedName(openName);
            setOpenName(null);
          }}
          onChangeModel={(dataset) => {
            setDone(null);
            setChanging(dataset);
          }}
          onDelete={(dataset) => {
            setDone(null);
            setDeleting(dataset);
          }}
        />
      ) : list.items.length === 0 ? (
        <EmptyState
          title="No datasets yet"
          action={<Button onClick={openCreate}>Create your first dataset</Button>}
        >
          Create a dataset, then store vectors in it with{" "}
          <code>POST /api/v1/datasets/&lt;name&gt;/vectors</code> and search it with{" "}
          <code>POST /api/v1/datasets/&lt;name&gt;/search</code>.
        </EmptyState>
      ) : (
        <>
          <DatasetList spaceId={spaceId} datasets={list.items} onOpen={setOpenName} focusName={closedName} />
          <LoadMore
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => list.fetchNextPage()}
          />
        </>
      )}
      <CreateDatasetDialog
        open={creating}
        spaceId={spaceId}
        datasets={list.items}
        onClose={() => setCreating(false)}
        onCreated={(dataset) => {
          setCreating(false);
          setDone(
            `Dataset “${dataset.name}” created with ${dataset.embedding_model} (${formatNumber(dataset.dimensions)} dimensions).`,
          );
        }}
      />
      <ChangeModelDialog
        spaceId={spaceId}
        dataset={changing}
        datasets={list.items}
        onClose={() => setChanging(null)}
        onChanged={({ dataset, reembedding }) => {
          setChanging(null);
          setDone(
            reembedding
              ? `Re-embedding “${dataset.name}” with ${dataset.reembedding?.target_model ?? "the new model"} started: its progress is shown below.`
              : `“${dataset.name}” now uses ${dataset.embedding_model} (${formatNumber(dataset.dimensions)} dimensions).`,
          );
        }}
      />
      <AsyncConfirmDialog
        open={deleting !== null}
        title="Delete this dataset?"
        confirmLabel="Delete dataset"
        onConfirm={async () => {
          if (!deleting) return;
          const name = deleting.name;
          await remove.mutateAsync(name);
          setOpenName(null);
          setDone(`Dataset “${name}” deleted.`);
        }}
        onClose={() => setDeleting(null)}
      >
        {deleting && (
          <p>
            “{deleting.name}” and its {formatNumber(deleting.vector_count)} vectors are moved to the trash:
            searches stop finding them at once, and the name is free for a new dataset. Only owners and admins
            of this space may delete datasets.
          </p>
        )}
      </AsyncConfirmDialog>
    </>
  );
}
