import { Link } from "@tanstack/react-router";
import type { Notebook } from "@tributary/contracts";
import { type ReactNode, useId } from "react";
import { formatBytes } from "../../lib/format";
import { Button } from "../../ui/button";
import { DocumentList } from "./document-list";
import { pathTo } from "./notebook-tree";

export type NotebookAction = "create-inside" | "rename" | "move" | "delete";

/** The selected notebook: where it sits, what can be done with it, the upload area, and its documents. */
export function NotebookView({
  spaceId,
  notebook,
  notebooks,
  uploadPanel,
  onAction,
}: {
  spaceId: string;
  notebook: Notebook;
  notebooks: readonly Notebook[];
  /** The upload panel, passed in so it stays mounted (with its queue) while the notebook changes. */
  uploadPanel: ReactNode;
  onAction: (action: NotebookAction) => void;
}) {
  const titleId = useId();
  const ancestors = pathTo(notebooks, notebook.id).slice(0, -1);
  return (
    <section aria-labelledby={titleId} className="min-w-0 space-y-5">
      <div className="space-y-2">
        {ancestors.length > 0 && (
          <nav aria-label="Notebook path" className="text-xs text-slate-600 dark:text-slate-300">
            <ol className="flex flex-wrap items-center gap-1">
              {ancestors.map((ancestor) => (
                <li key={ancestor.id} className="flex items-center gap-1">
                  <Link
                    to="/s/$spaceId/knowledge"
                    params={{ spaceId }}
                    search={{ notebook: ancestor.id }}
                    className="hover:underline"
                  >
                    {ancestor.name}
                  </Link>
                  <span aria-hidden="true">›</span>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id={titleId} data-testid="notebook-title" className="truncate text-xl font-semibold">
              {notebook.name}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              {notebook.document_count} document{notebook.document_count === 1 ? "" : "s"} ·{" "}
              {formatBytes(notebook.total_size_bytes)}
              {notebook.description && <> · {notebook.description}</>}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => onAction("create-inside")}>
              New sub-notebook…
            </Button>
            <Button variant="secondary" onClick={() => onAction("rename")}>
              Rename…
            </Button>
            <Button variant="secondary" onClick={() => onAction("move")}>
              Move to…
            </Button>
            <Button variant="danger" onClick={() => onAction("delete")}>
              Delete notebook…
            </Button>
          </div>
        </div>
      </div>
      {uploadPanel}
      <div className="space-y-2">
        <h3 className="text-base font-semibold">Documents</h3>
        <DocumentList spaceId={spaceId} notebookId={notebook.id} />
      </div>
    </section>
  );
}
