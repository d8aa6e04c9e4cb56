import type { Notebook } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { ErrorMessage } from "../../ui/feedback";
import { SelectField } from "../../ui/field";
import { useUpdateNotebook } from "./notebook-mutations";
import { NotebookParentOptions, topLevel } from "./notebook-parent-options";
import { canMoveNotebook, maxNotebookDepth } from "./notebook-tree";

/** The keyboard way to do what dragging a notebook in the tree does. */
export function MoveNotebookDialog({
  spaceId,
  notebook,
  notebooks,
  onClose,
}: {
  spaceId: string;
  notebook: Notebook | null;
  notebooks: readonly Notebook[];
  onClose: () => void;
}) {
  return (
    <Dialog
      open={notebook !== null}
      title={notebook ? `Move “${notebook.name}”` : "Move notebook"}
      onClose={onClose}
    >
      {notebook && <MoveForm spaceId={spaceId} notebook={notebook} notebooks={notebooks} onDone={onClose} />}
    </Dialog>
  );
}

function MoveForm({
  spaceId,
  notebook,
  notebooks,
  onDone,
}: {
  spaceId: string;
  notebook: Notebook;
  notebooks: readonly Notebook[];
  onDone: () => void;
}) {
  const allowed = (parentId: string | null) => canMoveNotebook(notebooks, notebook.id, parentId);
  const firstAllowed = [null, ...notebooks.map((candidate) => candidate.id)].find(allowed);
  const [target, setTarget] = useState(firstAllowed === undefined ? undefined : (firstAllowed ?? topLevel));
  const update = useUpdateNotebook(spaceId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (target === undefined) return;
    const parentId = target === topLevel ? null : target;
    const moved = await update
      .mutateAsync({ id: notebook.id, changes: { parent_id: parentId } })
      .catch(() => null);
    if (moved) onDone();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {target === undefined ? (
        <p className="text-sm text-slate-700 dark:text-slate-200">
          There is nowhere to move this notebook: notebooks nest at most {maxNotebookDepth} levels deep.
        </p>
      ) : (
        <SelectField
          label="Move to"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          hint={`Greyed-out places are the notebook itself, its sub-notebooks, its current place, or more than ${maxNotebookDepth} levels deep.`}
        >
          <NotebookParentOptions
            notebooks={notebooks}
            allowed={(id) => allowed(id)}
            topLevelAllowed={allowed(null)}
          />
        </SelectField>
      )}
      <ErrorMessage error={update.error} title="The notebook could not be moved" />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" busy={update.isPending} disabled={target === undefined}>
          Move
        </Button>
      </div>
    </form>
  );
}
