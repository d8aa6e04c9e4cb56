import type { Notebook } from "@tributary/contracts";
import { buildNotebookTree, flattenTree } from "./notebook-tree";

/** Value of the "top level" choice in parent pickers (a select's value cannot be null). */
export const topLevel = "";

/** `<option>`s for a parent picker: "Top level", then the tree indented; `allowed` greys out the rest. */
export function NotebookParentOptions({
  notebooks,
  allowed,
  topLevelAllowed = true,
}: {
  notebooks: readonly Notebook[];
  allowed: (notebookId: string) => boolean;
  topLevelAllowed?: boolean;
}) {
  return (
    <>
      <option value={topLevel} disabled={!topLevelAllowed}>
        Top level
      </option>
      {flattenTree(buildNotebookTree(notebooks)).map(({ notebook, depth }) => (
        <option key={notebook.id} value={notebook.id} disabled={!allowed(notebook.id)}>
          {`${"\u00a0\u00a0".repeat(depth)}${notebook.name}`}
        </option>
      ))}
    </>
  );
}
