import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { Button } from "../../ui/button";
import { ErrorMessage, Notice } from "../../ui/feedback";
import { InputField, TextAreaField } from "../../ui/field";
import { SettingsSection } from "./settings-section";

export interface NameDescription {
  readonly name: string;
  readonly description: string;
}

export interface NameDescriptionFormProps {
  readonly current: NameDescription;
  readonly canEdit: boolean;
  /** Sends only what changed; the caller updates its caches when it resolves. */
  readonly save: (changes: Partial<NameDescription>) => Promise<unknown>;
  readonly sectionId: string;
  /** Shown to those who may only read. */
  readonly readOnlyNote: string;
  readonly labels: { readonly name: string; readonly description: string; readonly hint: string };
  readonly testIds: { readonly form: string; readonly save: string };
}

/** The name and description of a space or an organization: owners and admins edit, others read. */
export function NameDescriptionForm({
  current,
  canEdit,
  save: send,
  sectionId,
  readOnlyNote,
  labels,
  testIds,
}: NameDescriptionFormProps) {
  const [name, setName] = useState(current.name);
  const [description, setDescription] = useState(current.description);
  const save = useMutation({ mutationFn: send });
  const changes = {
    ...(name.trim() !== current.name ? { name: name.trim() } : {}),
    ...(description !== current.description ? { description } : {}),
  };
  const dirty = Object.keys(changes).length > 0;
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dirty) save.mutate(changes);
  }

  return (
    <SettingsSection id={sectionId} title="Details" description={canEdit ? undefined : readOnlyNote}>
      <form onSubmit={submit} className="space-y-4" noValidate data-testid={testIds.form}>
        <InputField
          label={labels.name}
          required
          maxLength={100}
          readOnly={!canEdit}
          value={name}
          onChange={(e) => {
            save.reset();
            setName(e.target.value);
          }}
          error={fieldErrors.name}
        />
        <TextAreaField
          label={labels.description}
          rows={3}
          maxLength={500}
          readOnly={!canEdit}
          value={description}
          onChange={(e) => {
            save.reset();
            setDescription(e.target.value);
          }}
          hint={labels.hint}
          error={fieldErrors.description}
        />
        <ErrorMessage error={save.error} title="The changes could not be saved" />
        {save.isSuccess && !dirty && <Notice tone="success">Saved.</Notice>}
        {canEdit && (
          <Button type="submit" busy={save.isPending} disabled={!dirty} data-testid={testIds.save}>
            {save.isPending ? "Saving…" : "Save changes"}
          </Button>
        )}
      </form>
    </SettingsSection>
  );
}
