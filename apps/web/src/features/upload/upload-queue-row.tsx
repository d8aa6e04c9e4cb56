import type { ReactNode } from "react";
import { formatBytes } from "../../lib/format";
import { Button } from "../../ui/button";
import { ProgressBar } from "../../ui/feedback";
import type { ProcessingStepInfo, UploadItem } from "./upload-queue-state";

export function phaseLabel(item: UploadItem): string {
  switch (item.phase) {
    case "queued":
      return "Waiting to upload";
    case "uploading": {
      // Fully sent, the server still stores and checks the file before it answers.
      return item.sentFraction >= 1
        ? "Sent, waiting for the server…"
        : `Uploading ${Math.round(item.sentFraction * 100)} %`;
    }
    case "processing":
      return item.processingStep ? stepLabel(item.processingStep) : "Processing…";
    case "processed":
      return item.duplicateOf ? "Processed (identical to an earlier document)" : "Processed";
    case "failed":
      return item.failure?.stage === "processing" ? "Processing failed" : "Upload failed";
    case "cancelled":
      return "Cancelled";
  }
}

/** "Step 2 of 3: embedding 42 chunks". */
export function stepLabel(step: ProcessingStepInfo): string {
  const chunks =
    step.chunkCount === null ? "" : ` ${step.chunkCount} chunk${step.chunkCount === 1 ? "" : "s"}`;
  const what = (() => {
    switch (step.step) {
      case "extracting":
        return "reading the text";
      case "indexing":
        return `analysing and embedding${chunks}`;
      case "storing":
        return `saving${chunks}`;
    }
  })();
  return `Step ${step.stepNumber} of ${step.steps}: ${what}`;
}

const phaseTone: Record<UploadItem["phase"], string> = {
  queued: "text-slate-600 dark:text-slate-300",
  uploading: "text-blue-800 dark:text-blue-200",
  processing: "text-blue-800 dark:text-blue-200",
  processed: "text-emerald-800 dark:text-emerald-200",
  failed: "text-red-800 dark:text-red-200",
  cancelled: "text-slate-600 dark:text-slate-300",
};

/** One file of the queue: name, size, where it is, progress, the API's error, and what can be done. */
export function UploadQueueRow({
  item,
  notebookLabel,
  documentLink,
  onCancel,
  onRetry,
  onRemove,
}: {
  item: UploadItem;
  /** Shown when the file goes to another notebook than the one on screen. */
  notebookLabel?: string | undefined;
  documentLink?: ReactNode;
  onCancel: () => void;
  onRetry: () => void;
  onRemove: () => void;
}) {
  const name = item.file.name;
  return (
    <li
      data-testid="upload-row"
      data-phase={item.phase}
      data-document-id={item.documentId ?? undefined}
      className="space-y-2 py-3"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate text-sm font-medium" title={name}>
            {item.phase === "processed" && documentLink ? documentLink : name}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {formatBytes(item.file.size)}
            {notebookLabel && <> · to {notebookLabel}</>}
            {" · "}
            <span data-testid="upload-status" className={phaseTone[item.phase]}>
              {phaseLabel(item)}
            </span>
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          {(item.phase === "queued" || item.phase === "uploading") && (
            <Button
              variant="secondary"
              className="px-2 py-1 text-xs"
              onClick={onCancel}
              aria-label={`Cancel ${name}`}
            >
              Cancel
            </Button>
          )}
          {(item.phase === "failed" || item.phase === "cancelled") && (
            <Button
              variant="secondary"
              className="px-2 py-1 text-xs"
              onClick={onRetry}
              aria-label={`Retry ${name}`}
            >
              Retry
            </Button>
          )}
          {(item.phase === "processed" || item.phase === "failed" || item.phase === "cancelled") && (
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={onRemove}
              aria-label={`Remove ${name} from the list`}
            >
              Remove
            </Button>
          )}
        </div>
      </div>
      {item.phase === "uploading" && (
        <ProgressBar value={item.sentFraction} max={1} label={`Uploading ${name}`} />
      )}
      {item.phase === "processing" &&
        (item.processingStep ? (
          // Half-way through the current step: a step's own progress is not reported.
          <ProgressBar
            value={item.processingStep.stepNumber - 0.5}
            max={item.processingStep.steps}
            label={`Processing ${name}`}
          />
        ) : (
          <IndeterminateBar label={`Processing ${name}`} />
        ))}
      {item.phase === "failed" && item.failure && (
        <div
          role="alert"
          data-testid="upload-error"
          className="rounded-md border border-red-300 bg-red-50 p-2 text-xs text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-medium">{item.failure.message}</p>
          {item.failure.hint && <p className="mt-0.5">{item.failure.hint}</p>}
          {item.failure.requestId && (
            <p className="mt-0.5 opacity-80">Request id: {item.failure.requestId}</p>
          )}
        </div>
      )}
    </li>
  );
}

/** Before the first step is heard: a moving bar says processing is under way. */
function IndeterminateBar({ label }: { label: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuetext="In progress"
      className="relative h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <div className="absolute inset-0 animate-pulse rounded-full bg-blue-600/70" />
    </div>
  );
}
