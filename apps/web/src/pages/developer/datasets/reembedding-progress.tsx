import type { DatasetResponse } from "@tributary/contracts";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { ProgressBar } from "../../../ui/feedback";

/**
 * A model change of a dataset with records: how far the background re-embedding is, and that
 * searches keep using the current model until it switches; or why it failed.
 */
export function ReembeddingProgress({ dataset }: { dataset: DatasetResponse }) {
  const run = dataset.reembedding;
  if (!run) return null;
  if (run.status === "failed") {
    return (
      <div
        role="alert"
        data-testid="reembedding-progress"
        data-status="failed"
        className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        <p className="font-medium">Re-embedding with {run.target_model} failed</p>
        {run.error && <p>{run.error}</p>}
        <p className="mt-1">
          Searches keep using {dataset.embedding_model}. Fix the cause, then change the model again to retry.
        </p>
      </div>
    );
  }
  return (
    <div
      data-testid="reembedding-progress"
      data-status="running"
      className="space-y-2 rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-50"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="font-medium">
          Re-embedding with {run.target_model} ({formatNumber(run.target_dimensions)} dimensions)
        </p>
        {/* Read out as it moves, without taking focus: the bar's value alone is silent. */}
        <p aria-live="polite">
          {formatNumber(run.done)} of {formatNumber(run.total)} records · {formatNumber(run.percent, 1)}%
        </p>
      </div>
      <ProgressBar value={run.percent} max={100} label={`Re-embedding ${dataset.name}`} />
      <p>
        Searches use {dataset.embedding_model} until every record is re-embedded, then switch at once. Started{" "}
        {formatDateTime(run.started_at)}.
      </p>
    </div>
  );
}
