import type { ReactNode } from "react";
import type { UploadClient } from "./upload-client";
import { UploadDropZone } from "./upload-drop-zone";
import { UploadQueueList } from "./upload-queue-list";
import { defaultUploadConcurrency, useUploadQueue } from "./use-upload-queue";

/**
 * Uploading into a notebook: the drop zone and file button, then the queue of files with their
 * progress and processing status. Keep it mounted while the notebook changes: the queue lives here.
 */
export function UploadPanel({
  client,
  notebookId,
  notebookName,
  concurrency = defaultUploadConcurrency,
  notebookNameOf,
  renderDocumentLink,
}: {
  client: UploadClient;
  notebookId: string;
  notebookName: string;
  concurrency?: number;
  /** Names the notebook of a queued file that goes elsewhere than the current one. */
  notebookNameOf?: (notebookId: string) => string | undefined;
  renderDocumentLink?: (documentId: string, name: string) => ReactNode;
}) {
  const queue = useUploadQueue(client, concurrency);
  return (
    <div className="space-y-4">
      <UploadDropZone notebookName={notebookName} onFiles={(files) => queue.add(files, notebookId)} />
      <UploadQueueList
        state={queue.state}
        currentNotebookId={notebookId}
        notebookName={notebookNameOf}
        renderDocumentLink={renderDocumentLink}
        onCancel={queue.cancel}
        onRetry={queue.retry}
        onRemove={queue.remove}
        onClearFinished={queue.clearFinished}
      />
    </div>
  );
}
