import type { Notebook } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { ErrorMessage } from "../../ui/feedback";
import { InputField, SelectField } from "../../ui/field";
import { useCreateNotebook } from "./notebook-mutations";
import { NotebookParentOptions, topLevel } from "./notebook-parent-options";
import { canCreateUnder } from "./notebook-tree";

export function CreateNotebookDialog({
  spaceId,
  open,
  notebooks,
  defaultParentId,
  onClose,
  onCreated,
}: {
  spaceId: string;
  open: boolean;
  notebooks: readonly Notebook[];
  defaultParentId: string | null;
  onClose: () => void;
  onCreated: (notebook: Notebook) => void;
}) {
  return (
    <Dialog open={open} title="New notebook" onClose={onClose}>
      <CreateNotebookForm
        spaceId={spaceId}
        notebooks={notebooks}
        defaultParentId={defaultParentId}
        onCancel={onClose}
        onCreated={onCreated}
      />
    </Dialog>
  );
}

function CreateNotebookForm({
  spaceId,
  notebooks,
  defaultParentId,
  onCancel,
  onCreated,
}: {
  spaceId: string;
  notebooks: readonly Notebook[];
  defaultParentId: string | null;
  onCancel: () => void;
  onCreated: (notebook: Notebook) => void;
}) {
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState(
    defaultParentId && canCreateUnder(notebooks, defaultParentId) ? defaultParentId : topLevel,
  );
  const create = useCreateNotebook(spaceId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const notebook = await create
      .mutateAsync({ name: name.trim(), parent_id: parentId === topLevel ? null : parentId })
      .catch(() => null);
    if (notebook) onCreated(notebook);
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
      {notebooks.length > 0 && (
        <SelectField label="Inside" value={parentId} onChange={(event) => setParentId(event.target.value)}>
          <NotebookParentOptions notebooks={notebooks} allowed={(id) => canCreateUnder(notebooks, id)} />
        </SelectField>
      )}
      <ErrorMessage error={create.error} title="The notebook could not be created" />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" busy={create.isPending} disabled={name.trim().length === 0}>
          Create notebook
        </Button>
      </div>
    </form>
  );
}
