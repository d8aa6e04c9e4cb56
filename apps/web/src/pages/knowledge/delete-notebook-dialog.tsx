import type { Notebook } from "@tributary/contracts";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { useDeleteNotebook } from "./notebook-mutations";
import { subtreeOf } from "./notebook-tree";

/** Asks first: deleting a notebook takes its sub-notebooks and all their documents with it. */
export function DeleteNotebookDialog({
  spaceId,
  notebook,
  notebooks,
  onClose,
  onDeleted,
}: {
  spaceId: string;
  notebook: Notebook | null;
  notebooks: readonly Notebook[];
  onClose: () => void;
  onDeleted: (notebook: Notebook) => void;
}) {
  const remove = useDeleteNotebook(spaceId);
  const subtree = notebook ? subtreeOf(notebooks, notebook.id) : [];
  const subNotebooks = Math.max(0, subtree.length - 1);
  const documents = subtree.reduce((sum, inside) => sum + inside.document_count, 0);

  return (
    <ConfirmDialog
      open={notebook !== null}
      title="Delete notebook"
      confirmLabel="Delete notebook"
      busy={remove.isPending}
      error={remove.error}
      onConfirm={() => {
        if (!notebook) return;
        remove.mutate(notebook.id, { onSuccess: () => onDeleted(notebook) });
      }}
      onClose={() => {
        if (remove.isPending) return;
        remove.reset();
        onClose();
      }}
    >
      {notebook && (
        <p>
          Delete <strong>{notebook.name}</strong>
          {subNotebooks > 0 && ` with its ${subNotebooks} sub-notebook${subNotebooks === 1 ? "" : "s"}`}?{" "}
          {documents > 0
            ? `${documents} document${documents === 1 ? " is" : "s are"} deleted too, and disappear${documents === 1 ? "s" : ""} from search and the assistant's answers.`
            : "It holds no documents."}{" "}
          This cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  );
}
