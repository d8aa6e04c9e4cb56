import type { Document } from "@tributary/contracts";
import type { DocumentProgressEvent } from "../../api/use-event-stream";
import { ProgressBar } from "../../ui/feedback";

const stepWords: Record<DocumentProgressEvent["data"]["step"], string> = {
  extracting: "reading the text",
  indexing: "analysing and embedding the chunks",
  storing: "saving the chunks",
};

/**
 * While the document is processed (after upload or a reprocess): the step the event stream last
 * reported, or a moving bar until it reports one; the event stream ends it. A failure shows its
 * reason.
 */
export function DocumentProcessingStatus({
  document,
  step,
}: {
  document: Document;
  step?: DocumentProgressEvent["data"] | undefined;
}) {
  if (document.status === "processing" || document.status === "uploading") {
    const where = step
      ? `Step ${step.step_number} of ${step.steps}: ${stepWords[step.step] ?? step.step}${
          step.chunk_count === undefined ? "" : ` (${step.chunk_count})`
        }.`
      : "Processing…";
    return (
      <div
        data-testid="document-processing"
        className="space-y-2 rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100"
      >
        <p role="status">{where} This page updates by itself when it finishes.</p>
        {step ? (
          <ProgressBar
            value={step.step_number - 0.5}
            max={step.steps}
            label={`Processing ${document.name}`}
          />
        ) : (
          <div
            role="progressbar"
            aria-label={`Processing ${document.name}`}
            aria-valuetext="In progress"
            className="relative h-2 w-full overflow-hidden rounded-full bg-blue-200 dark:bg-blue-900"
          >
            <div className="absolute inset-0 animate-pulse rounded-full bg-blue-600/70" />
          </div>
        )}
      </div>
    );
  }
  if (document.status === "failed") {
    return (
      <div
        role="alert"
        data-testid="document-failure"
        className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        <p className="font-medium">Processing failed</p>
        <p>{document.error ?? "The server did not say why."}</p>
        <p className="mt-1">
          If the cause was temporary, choose Reprocess; otherwise fix the file (damaged, password-protected,
          or without text) and upload it again.
        </p>
      </div>
    );
  }
  return null;
}
