import type { Document } from "@tributary/contracts";
import { ConfirmDialog } from "../../ui/confirm-dialog";

/** Asks before deleting: the document leaves search and the assistant's answers. */
export function DeleteDocumentDialog({
  open,
  document,
  deleting,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  document: Document;
  deleting: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      open={open}
      title="Delete document"
      confirmLabel="Delete document"
      busy={deleting}
      error={error}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>
        Delete <strong className="break-words">{document.name}</strong>? Its text and chunks are removed, and
        it no longer appears in search or the assistant's answers. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
