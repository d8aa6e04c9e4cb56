import type { Notebook } from "@tributary/contracts";

/** Notebooks nest at most this deep (the server's rule too); a top-level notebook is depth 1. */
export const maxNotebookDepth = 5;

export interface NotebookNode {
  readonly notebook: Notebook;
  readonly children: readonly NotebookNode[];
}

const byName = (a: Notebook, b: Notebook) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" });

/**
 * The notebooks as a tree, children by name. A notebook whose parent the caller cannot see
 * (someone's private notebook) is shown at the top level rather than hidden.
 */
export function buildNotebookTree(notebooks: readonly Notebook[]): NotebookNode[] {
  const ids = new Set(notebooks.map((notebook) => notebook.id));
  const childrenOf = new Map<string | null, Notebook[]>();
  for (const notebook of notebooks) {
    const parent = notebook.parent_id && ids.has(notebook.parent_id) ? notebook.parent_id : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), notebook]);
  }
  const build = (parent: string | null, seen: Set<string>): NotebookNode[] =>
    [...(childrenOf.get(parent) ?? [])]
      .sort(byName)
      .filter((notebook) => !seen.has(notebook.id))
      .map((notebook) => ({
        notebook,
        children: build(notebook.id, new Set([...seen, notebook.id])),
      }));
  return build(null, new Set());
}

/** The tree in display order, each with its depth (1 at the top): for pickers and counts. */
export function flattenTree(
  nodes: readonly NotebookNode[],
  depth = 1,
): { notebook: Notebook; depth: number }[] {
  return nodes.flatMap((node) => [
    { notebook: node.notebook, depth },
    ...flattenTree(node.children, depth + 1),
  ]);
}

/** The notebook and everything below it. */
export function subtreeOf(notebooks: readonly Notebook[], id: string): Notebook[] {
  const out: Notebook[] = [];
  const queue = [id];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    const notebook = notebooks.find((candidate) => candidate.id === current);
    if (notebook) out.push(notebook);
    for (const child of notebooks) if (child.parent_id === current) queue.push(child.id);
  }
  return out;
}

/** From the top-level ancestor down to the notebook itself (as far as the caller can see). */
export function pathTo(notebooks: readonly Notebook[], id: string): Notebook[] {
  const byId = new Map(notebooks.map((notebook) => [notebook.id, notebook]));
  const path: Notebook[] = [];
  let current = byId.get(id);
  while (current && !path.includes(current)) {
    path.unshift(current);
    current = current.parent_id ? byId.get(current.parent_id) : undefined;
  }
  return path;
}

/** Levels from the notebook down to its deepest descendant: 1 for a notebook without children. */
function heightOf(notebooks: readonly Notebook[], id: string, seen = new Set<string>()): number {
  if (seen.has(id)) return 0;
  seen.add(id);
  const children = notebooks.filter((notebook) => notebook.parent_id === id);
  return 1 + Math.max(0, ...children.map((child) => heightOf(notebooks, child.id, seen)));
}

/**
 * Whether `id` may move under `parentId` (null: the top level): not into itself or its own
 * subtree, not where it already is, and not deeper than the limit.
 */
export function canMoveNotebook(
  notebooks: readonly Notebook[],
  id: string,
  parentId: string | null,
): boolean {
  const notebook = notebooks.find((candidate) => candidate.id === id);
  if (!notebook) return false;
  if ((notebook.parent_id ?? null) === parentId) return false;
  if (parentId === null) return true;
  if (subtreeOf(notebooks, id).some((inside) => inside.id === parentId)) return false;
  return pathTo(notebooks, parentId).length + heightOf(notebooks, id) <= maxNotebookDepth;
}

/** Whether a new notebook can go under `parentId` without passing the depth limit. */
export function canCreateUnder(notebooks: readonly Notebook[], parentId: string | null): boolean {
  return parentId === null || pathTo(notebooks, parentId).length < maxNotebookDepth;
}
