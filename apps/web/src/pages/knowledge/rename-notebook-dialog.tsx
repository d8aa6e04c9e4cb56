import type { Notebook } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { ErrorMessage } from "../../ui/feedback";
import { InputField } from "../../ui/field";
import { useUpdateNotebook } from "./notebook-mutations";

export function RenameNotebookDialog({
  spaceId,
  notebook,
  onClose,
}: {
  spaceId: string;
  notebook: Notebook | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={notebook !== null} title="Rename notebook" onClose={onClose}>
      {notebook && <RenameForm spaceId={spaceId} notebook={notebook} onDone={onClose} />}
    </Dialog>
  );
}

function RenameForm({
  spaceId,
  notebook,
  onDone,
}: {
  spaceId: string;
  notebook: Notebook;
  onDone: () => void;
}) {
  const [name, setName] = useState(notebook.name);
  const update = useUpdateNotebook(spaceId);
  const unchanged = name.trim() === notebook.name || name.trim().length === 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (unchanged) return;
    const saved = await update
      .mutateAsync({ id: notebook.id, changes: { name: name.trim() } })
      .catch(() => null);
    if (saved) onDone();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <InputField
        label="Notebook name"
        required
        maxLength={255}
        autoFocus
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <ErrorMessage error={update.error} title="The notebook could not be renamed" />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" busy={update.isPending} disabled={unchanged}>
          Save name
        </Button>
      </div>
    </form>
  );
}
