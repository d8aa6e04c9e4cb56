import type { DatasetResponse } from "@tributary/contracts";
import { useEffect, useRef } from "react";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/button";
import { ErrorMessage } from "../../../ui/feedback";
import { DatasetFacts } from "./dataset-facts";
import { DatasetStatsPanel } from "./dataset-stats-panel";
import { datasetStatus } from "./dataset-status";
import { DatasetStatusBadge } from "./dataset-status-badge";
import { ReembeddingProgress } from "./reembedding-progress";
import { useDatasetStats, useLiveDataset } from "./use-datasets";

/** The system's own dataset: its records come and go with documents, and it cannot be deleted. */
const systemDataset = "default";

export interface DatasetDetailProps {
  readonly spaceId: string;
  readonly seed: DatasetResponse;
  readonly onBack: () => void;
  readonly onChangeModel: (dataset: DatasetResponse) => void;
  readonly onDelete: (dataset: DatasetResponse) => void;
}

/** One dataset: live facts and re-embedding progress, its statistics, and what can be done to it. */
export function DatasetDetail({ spaceId, seed, onBack, onChangeModel, onDelete }: DatasetDetailProps) {
  const { dataset, error } = useLiveDataset(spaceId, seed);
  const stats = useDatasetStats(spaceId, dataset.name);
  const running = datasetStatus(dataset) === "reembedding";
  // The list (and the button that opened this) is gone: keyboard and screen reader users start here.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="dataset-detail-title" className="space-y-4" data-testid="dataset-detail">
      <Button variant="ghost" onClick={onBack} className="-ml-3">
        <span aria-hidden="true">←</span> All datasets
      </Button>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2
            id="dataset-detail-title"
            ref={headingRef}
            tabIndex={-1}
            className="flex flex-wrap items-center gap-2 text-xl font-semibold focus:outline-none"
          >
            <span className="break-all font-mono">{dataset.name}</span>
            <DatasetStatusBadge status={datasetStatus(dataset)} />
          </h2>
          {dataset.description && (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{dataset.description}</p>
          )}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
            Created {formatDateTime(dataset.created_at)} · updated {formatDateTime(dataset.updated_at)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            onClick={() => onChangeModel(dataset)}
            disabled={running}
            title={running ? "Wait for the running re-embedding to finish" : undefined}
          >
            Change embedding model
          </Button>
          {dataset.name !== systemDataset && (
            <Button variant="danger" onClick={() => onDelete(dataset)}>
              Delete dataset
            </Button>
          )}
        </div>
      </div>
      {/* A failed poll keeps the last known state on screen and says why it is not moving. */}
      <ErrorMessage error={error} title="The dataset could not be refreshed" />
      <ReembeddingProgress dataset={dataset} />
      <DatasetFacts dataset={dataset} />
      {dataset.name === systemDataset && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          The default dataset holds your documents' chunks and is managed by the system: it cannot be deleted.
        </p>
      )}
      <DatasetStatsPanel stats={stats.data} loading={stats.isPending} error={stats.error} />
    </section>
  );
}
