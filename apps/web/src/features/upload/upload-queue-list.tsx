import { type ReactNode, useId } from "react";
import { Button } from "../../ui/button";
import { UploadQueueRow } from "./upload-queue-row";
import { summarize, type UploadItem, type UploadQueueState } from "./upload-queue-state";

/** The files of the queue with a summary that screen readers hear as it changes. */
export function UploadQueueList({
  state,
  currentNotebookId,
  notebookName,
  renderDocumentLink,
  onCancel,
  onRetry,
  onRemove,
  onClearFinished,
}: {
  state: UploadQueueState;
  currentNotebookId: string;
  notebookName?: ((notebookId: string) => string | undefined) | undefined;
  renderDocumentLink?: ((documentId: string, name: string) => ReactNode) | undefined;
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
  onRemove: (id: string) => void;
  onClearFinished: () => void;
}) {
  const titleId = useId();
  if (state.items.length === 0) return null;
  const summary = summarize(state);
  const finished = summary.total - summary.active;
  return (
    <section aria-labelledby={titleId} className="space-y-1">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={titleId} className="text-sm font-semibold">
          Uploads
        </h3>
        {finished > 0 && (
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={onClearFinished}>
            Clear finished
          </Button>
        )}
      </div>
      <p
        data-testid="upload-summary"
        aria-live="polite"
        className="text-xs text-slate-600 dark:text-slate-300"
      >
        {summaryText(summary)}
      </p>
      <ul
        aria-label="Upload queue"
        data-testid="upload-queue"
        className="divide-y divide-slate-200 dark:divide-slate-700"
      >
        {state.items.map((item: UploadItem) => (
          <UploadQueueRow
            key={item.id}
            item={item}
            notebookLabel={
              item.notebookId !== currentNotebookId ? notebookName?.(item.notebookId) : undefined
            }
            documentLink={
              item.documentId && renderDocumentLink
                ? renderDocumentLink(item.documentId, item.file.name)
                : undefined
            }
            onCancel={() => onCancel(item.id)}
            onRetry={() => onRetry(item.id)}
            onRemove={() => onRemove(item.id)}
          />
        ))}
      </ul>
    </section>
  );
}

function summaryText(summary: ReturnType<typeof summarize>): string {
  const parts = [`${summary.processed} of ${summary.total} processed`];
  if (summary.active > 0) parts.push(`${summary.active} in progress`);
  if (summary.failed > 0) parts.push(`${summary.failed} failed`);
  return parts.join(", ");
}
