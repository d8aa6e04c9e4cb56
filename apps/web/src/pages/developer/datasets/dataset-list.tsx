import type { DatasetResponse } from "@tributary/contracts";
import { useEffect, useRef } from "react";
import { Button } from "../../../ui/button";
import { DatasetFacts } from "./dataset-facts";
import { datasetStatus } from "./dataset-status";
import { DatasetStatusBadge } from "./dataset-status-badge";
import { ReembeddingProgress } from "./reembedding-progress";
import { useLiveDataset } from "./use-datasets";

export interface DatasetListProps {
  readonly spaceId: string;
  readonly datasets: readonly DatasetResponse[];
  readonly onOpen: (name: string) => void;
  /** The dataset whose details were just closed: its button takes the focus back. */
  readonly focusName?: string | null;
}

/** One card per dataset (a table would not fit a phone). */
export function DatasetList({ spaceId, datasets, onOpen, focusName = null }: DatasetListProps) {
  return (
    <ul className="space-y-3" aria-label="Vector datasets">
      {datasets.map((dataset) => (
        <DatasetCard
          key={dataset.name}
          spaceId={spaceId}
          seed={dataset}
          onOpen={onOpen}
          focused={dataset.name === focusName}
        />
      ))}
    </ul>
  );
}

function DatasetCard({
  spaceId,
  seed,
  onOpen,
  focused,
}: {
  spaceId: string;
  seed: DatasetResponse;
  onOpen: (name: string) => void;
  focused: boolean;
}) {
  // Button takes no ref: the card finds its one button instead.
  const cardRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) cardRef.current?.querySelector("button")?.focus();
  }, [focused]);
  // Live: a card whose dataset is being re-embedded polls it and shows the progress.
  const { dataset } = useLiveDataset(spaceId, seed);
  return (
    <li
      ref={cardRef}
      data-testid="dataset-row"
      data-dataset={dataset.name}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold">
            <span className="break-all font-mono">{dataset.name}</span>
            <DatasetStatusBadge status={datasetStatus(dataset)} />
          </h2>
          {dataset.description && (
            <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">{dataset.description}</p>
          )}
        </div>
        <Button
          variant="secondary"
          onClick={() => onOpen(dataset.name)}
          aria-label={`Details of ${dataset.name}`}
        >
          Details
        </Button>
      </div>
      <DatasetFacts dataset={dataset} />
      <ReembeddingProgress dataset={dataset} />
    </li>
  );
}
