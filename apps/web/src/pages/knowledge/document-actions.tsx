import type { Document } from "@tributary/contracts";
import { Button } from "../../ui/button";

/** The page's actions; their outcome (progress, errors) shows in the page body. */
export function DocumentActions({
  document,
  downloading,
  reprocessing,
  onDownload,
  onReprocess,
  onDelete,
}: {
  document: Document;
  downloading: boolean;
  reprocessing: boolean;
  onDownload: () => void;
  onReprocess: () => void;
  onDelete: () => void;
}) {
  const processing = document.status === "processing" || document.status === "uploading";
  return (
    <>
      <Button variant="secondary" busy={downloading} onClick={onDownload}>
        Download original
      </Button>
      <Button
        variant="secondary"
        data-testid="reprocess-document"
        busy={reprocessing}
        disabled={processing}
        title={processing ? "The document is being processed" : undefined}
        onClick={onReprocess}
      >
        Reprocess
      </Button>
      <Button variant="danger" data-testid="delete-document" onClick={onDelete}>
        Delete document…
      </Button>
    </>
  );
}
