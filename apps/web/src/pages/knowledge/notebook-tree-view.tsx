import { Link } from "@tanstack/react-router";
import type { Notebook } from "@tributary/contracts";
import { type DragEvent, useState } from "react";
import { cx } from "../../lib/cx";
import { canMoveNotebook, type NotebookNode } from "./notebook-tree";

const dragType = "application/x-tributary-notebook";

interface DragState {
  readonly draggingId: string | null;
  /** The notebook under the pointer, or "root" for the top-level drop zone. */
  readonly overId: string | null;
}

/**
 * The notebooks as a nested list of links (the selected one is in the URL). A notebook can be
 * dragged onto another to nest it, or onto "Top level"; the "Move to…" action does the same
 * from the keyboard.
 */
export function NotebookTreeView({
  spaceId,
  tree,
  notebooks,
  selectedId,
  onMove,
}: {
  spaceId: string;
  tree: readonly NotebookNode[];
  notebooks: readonly Notebook[];
  selectedId: string | undefined;
  onMove: (notebookId: string, parentId: string | null) => void;
}) {
  const [drag, setDrag] = useState<DragState>({ draggingId: null, overId: null });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const canDrop = (parentId: string | null) =>
    drag.draggingId !== null && canMoveNotebook(notebooks, drag.draggingId, parentId);

  const dropHandlers = (parentId: string | null) => ({
    onDragOver(event: DragEvent) {
      if (!canDrop(parentId)) return;
      // Only a notebook of this tree may drop here; files dropped on the tree are not uploads.
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = "move";
      const overId = parentId ?? "root";
      if (drag.overId !== overId) setDrag((current) => ({ ...current, overId }));
    },
    onDragLeave(event: DragEvent) {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      setDrag((current) =>
        current.overId === (parentId ?? "root") ? { ...current, overId: null } : current,
      );
    },
    onDrop(event: DragEvent) {
      if (!canDrop(parentId)) return;
      event.preventDefault();
      event.stopPropagation();
      const id = event.dataTransfer.getData(dragType) || drag.draggingId;
      setDrag({ draggingId: null, overId: null });
      if (id) onMove(id, parentId);
    },
  });

  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function renderNodes(nodes: readonly NotebookNode[]) {
    return nodes.map((node) => {
      const { notebook } = node;
      const hasChildren = node.children.length > 0;
      const open = !collapsed.has(notebook.id);
      const selected = notebook.id === selectedId;
      return (
        <li key={notebook.id}>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: dragging is a pointer shortcut; "Move to…" does the same from the keyboard */}
          <div
            draggable
            data-testid="notebook-item"
            data-notebook-id={notebook.id}
            onDragStart={(event) => {
              event.dataTransfer.setData(dragType, notebook.id);
              event.dataTransfer.effectAllowed = "move";
              setDrag({ draggingId: notebook.id, overId: null });
            }}
            onDragEnd={() => setDrag({ draggingId: null, overId: null })}
            {...dropHandlers(notebook.id)}
            className={cx(
              "flex items-center gap-1 rounded-md pr-1",
              selected && "bg-slate-200 dark:bg-slate-800",
              drag.overId === notebook.id && "ring-2 ring-blue-500",
              drag.draggingId === notebook.id && "opacity-60",
            )}
          >
            {hasChildren ? (
              <button
                type="button"
                aria-expanded={open}
                aria-label={`${open ? "Collapse" : "Expand"} ${notebook.name}`}
                onClick={() => toggle(notebook.id)}
                className="flex size-6 shrink-0 items-center justify-center rounded text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
              >
                <span aria-hidden="true" className={cx("transition-transform", open && "rotate-90")}>
                  ▸
                </span>
              </button>
            ) : (
              <span className="size-6 shrink-0" />
            )}
            <Link
              to="/s/$spaceId/knowledge"
              params={{ spaceId }}
              search={{ notebook: notebook.id }}
              draggable={false}
              aria-current={selected ? "page" : undefined}
              className={cx(
                "min-w-0 flex-1 truncate rounded px-1 py-1.5 text-sm text-slate-800 hover:underline dark:text-slate-100",
                selected && "font-semibold",
              )}
            >
              {notebook.name}
            </Link>
            <span
              className="shrink-0 text-xs text-slate-600 dark:text-slate-300"
              title={`${notebook.document_count} documents`}
            >
              <span className="sr-only">, </span>
              {notebook.document_count}
              <span className="sr-only"> documents</span>
            </span>
          </div>
          {hasChildren && open && (
            <ul className="ml-4 border-l border-slate-200 pl-1 dark:border-slate-700">
              {renderNodes(node.children)}
            </ul>
          )}
        </li>
      );
    });
  }

  return (
    <nav aria-label="Notebooks" className="space-y-2">
      <ul data-testid="notebook-tree">{renderNodes(tree)}</ul>
      {drag.draggingId && (
        <div
          data-testid="notebook-drop-root"
          {...dropHandlers(null)}
          className={cx(
            "rounded-md border-2 border-dashed p-2 text-center text-xs text-slate-600 dark:text-slate-300",
            drag.overId === "root" ? "border-blue-500" : "border-slate-300 dark:border-slate-600",
          )}
        >
          Drop here to move to the top level
        </div>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Drag a notebook onto another to nest it, or use “Move to…”.
      </p>
    </nav>
  );
}
