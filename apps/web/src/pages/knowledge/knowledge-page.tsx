import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import type { Notebook } from "@tributary/contracts";
import { useEffect, useMemo, useState } from "react";
import { apiUploadClient } from "../../features/upload/upload-client";
import { UploadPanel } from "../../features/upload/upload-panel";
import { useSpaceId } from "../../layout/use-space";
import { Button } from "../../ui/button";
import { EmptyState, ErrorMessage, Notice, PageHeader, Spinner } from "../../ui/feedback";
import { CreateNotebookDialog } from "./create-notebook-dialog";
import { DeleteNotebookDialog } from "./delete-notebook-dialog";
import { useNotebooks } from "./knowledge-queries";
import { LiveUpdatesNotice } from "./live-updates-notice";
import { MoveNotebookDialog } from "./move-notebook-dialog";
import { useUpdateNotebook } from "./notebook-mutations";
import { buildNotebookTree } from "./notebook-tree";
import { NotebookTreeView } from "./notebook-tree-view";
import { type NotebookAction, NotebookView } from "./notebook-view";
import { RenameNotebookDialog } from "./rename-notebook-dialog";
import { useLiveKnowledgeUpdates } from "./use-live-knowledge-updates";

type OpenDialog =
  | { readonly kind: "create"; readonly parentId: string | null }
  | { readonly kind: "rename" | "move" | "delete"; readonly notebook: Notebook }
  | null;

/** Notebooks (a tree), the selected notebook's documents, and uploading into it. */
export function KnowledgePage() {
  const spaceId = useSpaceId();
  const { notebook: selectedId } = useSearch({ from: "/s/$spaceId/knowledge" });
  const navigate = useNavigate({ from: "/s/$spaceId/knowledge" });
  const notebooks = useNotebooks(spaceId);
  const liveStatus = useLiveKnowledgeUpdates(spaceId);
  const move = useUpdateNotebook(spaceId);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const uploadClient = useMemo(() => apiUploadClient(spaceId), [spaceId]);

  const all = notebooks.data ?? [];
  const tree = useMemo(() => buildNotebookTree(notebooks.data ?? []), [notebooks.data]);
  const selected = all.find((notebook) => notebook.id === selectedId);
  const select = (notebookId: string | undefined, replace = false) =>
    navigate({ search: { notebook: notebookId }, replace });

  // Without a notebook in the URL, open the first one, so the page always shows documents to work on.
  const firstId = tree[0]?.notebook.id;
  useEffect(() => {
    if (!selectedId && firstId) void navigate({ search: { notebook: firstId }, replace: true });
  }, [selectedId, firstId, navigate]);

  function onAction(action: NotebookAction) {
    if (!selected) return;
    if (action === "create-inside") setDialog({ kind: "create", parentId: selected.id });
    else setDialog({ kind: action, notebook: selected });
  }
  const notebookFor = (kind: "rename" | "move" | "delete") =>
    dialog && dialog.kind === kind ? dialog.notebook : null;

  return (
    <>
      <PageHeader
        title="Knowledge"
        description="Notebooks hold your documents; everything you upload becomes searchable and available to the assistant."
        actions={
          <Button
            onClick={() => setDialog({ kind: "create", parentId: null })}
            disabled={notebooks.isPending}
          >
            New notebook
          </Button>
        }
      />
      <div className="mb-4">
        <LiveUpdatesNotice status={liveStatus} />
      </div>
      {notebooks.isPending ? (
        <Spinner label="Loading notebooks" />
      ) : !notebooks.data ? (
        <ErrorMessage error={notebooks.error} title="The notebooks could not be loaded" />
      ) : all.length === 0 ? (
        <EmptyState
          title="Create your first notebook"
          action={
            <Button onClick={() => setDialog({ kind: "create", parentId: null })}>Create notebook</Button>
          }
        >
          Notebooks group documents by topic or project. Create one, then upload documents into it.
        </EmptyState>
      ) : (
        <div className="grid gap-6 md:grid-cols-[16rem_minmax(0,1fr)]">
          <aside aria-labelledby="notebooks-heading" className="min-w-0 space-y-2">
            <h2
              id="notebooks-heading"
              className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300"
            >
              Notebooks
            </h2>
            <ErrorMessage error={move.error} title="The notebook could not be moved" />
            <NotebookTreeView
              spaceId={spaceId}
              tree={tree}
              notebooks={all}
              selectedId={selectedId}
              onMove={(id, parentId) => move.mutate({ id, changes: { parent_id: parentId } })}
            />
          </aside>
          {selected ? (
            <NotebookView
              spaceId={spaceId}
              notebook={selected}
              notebooks={all}
              onAction={onAction}
              uploadPanel={
                <UploadPanel
                  client={uploadClient}
                  notebookId={selected.id}
                  notebookName={selected.name}
                  notebookNameOf={(id) => all.find((notebook) => notebook.id === id)?.name}
                  renderDocumentLink={(documentId, name) => (
                    <Link
                      to="/s/$spaceId/documents/$documentId"
                      params={{ spaceId, documentId }}
                      search={{}}
                      className="text-blue-700 hover:underline dark:text-blue-300"
                    >
                      {name}
                    </Link>
                  )}
                />
              }
            />
          ) : selectedId ? (
            <Notice tone="warning">
              This notebook does not exist or you cannot see it (it may have been deleted). Choose another
              notebook from the list.
            </Notice>
          ) : (
            <Spinner label="Opening notebook" />
          )}
        </div>
      )}
      <CreateNotebookDialog
        spaceId={spaceId}
        open={dialog?.kind === "create"}
        notebooks={all}
        defaultParentId={dialog?.kind === "create" ? dialog.parentId : null}
        onClose={() => setDialog(null)}
        onCreated={(notebook) => {
          setDialog(null);
          void select(notebook.id);
        }}
      />
      <RenameNotebookDialog
        spaceId={spaceId}
        notebook={notebookFor("rename")}
        onClose={() => setDialog(null)}
      />
      <MoveNotebookDialog
        spaceId={spaceId}
        notebook={notebookFor("move")}
        notebooks={all}
        onClose={() => setDialog(null)}
      />
      <DeleteNotebookDialog
        spaceId={spaceId}
        notebook={notebookFor("delete")}
        notebooks={all}
        onClose={() => setDialog(null)}
        onDeleted={(notebook) => {
          setDialog(null);
          // Show the parent; for a top-level notebook the page opens the first one left.
          void select(notebook.parent_id ?? undefined, true);
        }}
      />
    </>
  );
}
