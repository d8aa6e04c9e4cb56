import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { ErrorMessage } from "../../ui/feedback";
import { InputField, SelectField, TextAreaField } from "../../ui/field";
import { useOrganizations } from "./space-queries";
import { newOrganization, useCreateSpace } from "./use-create-space";

/** "Create a space": a shared space in a new organization or in one the user manages. */
export function CreateSpaceDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (spaceId: string) => void;
}) {
  return (
    <Dialog open={open} title="Create a space" onClose={onClose}>
      {/* Mounted only while open, so every opening starts with an empty form. */}
      <CreateSpaceForm onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function CreateSpaceForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (id: string) => void }) {
  const organizations = useOrganizations();
  const create = useCreateSpace();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [organizationId, setOrganizationId] = useState(newOrganization);
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const managed = (organizations.data ?? []).filter((org) => org.role === "owner" || org.role === "admin");

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, description, organizationId }, { onSuccess: onCreated });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="create-space-form">
      <InputField
        label="Space name"
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldErrors.name}
      />
      <TextAreaField
        label="Description (optional)"
        rows={2}
        maxLength={500}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={fieldErrors.description}
      />
      <SelectField
        label="Organization"
        value={organizationId}
        onChange={(e) => setOrganizationId(e.target.value)}
        hint={
          organizationId === newOrganization
            ? "A new organization with this name is created, and you own it. Invite members from the space's settings."
            : "The space joins this organization; you own the new space."
        }
        error={fieldErrors.organization_id}
      >
        <option value={newOrganization}>New organization</option>
        {managed.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
        {organizations.isPending && <option disabled>Loading your organizations…</option>}
      </SelectField>
      {organizations.error && (
        <ErrorMessage
          error={organizations.error}
          title="Your organizations could not be loaded: you can still create a new one"
        />
      )}
      <ErrorMessage error={create.error} title="The space could not be created" />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" busy={create.isPending} data-testid="create-space-submit">
          {create.isPending ? "Creating…" : "Create space"}
        </Button>
      </div>
    </form>
  );
}
