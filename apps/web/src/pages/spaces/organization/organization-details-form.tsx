import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Organization } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../../api/api-error";
import { api } from "../../../api/client";
import { Button } from "../../../ui/button";
import { ErrorMessage, Notice } from "../../../ui/feedback";
import { InputField, TextAreaField } from "../../../ui/field";
import { SettingsSection } from "../settings-section";
import { organizationsQueryKey } from "../space-queries";
import { organizationQueryKey } from "./organization-queries";

/** The organization's name and description; owners and admins edit them, members read them. */
export function OrganizationDetailsForm({
  organization,
  canEdit,
}: {
  organization: Organization;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(organization.name);
  const [description, setDescription] = useState(organization.description);
  const save = useMutation({
    mutationFn: (changes: { name?: string; description?: string }) =>
      api.patch<Organization>(`/api/v1/organizations/${organization.id}`, changes),
    onSuccess: async (saved) => {
      queryClient.setQueryData(organizationQueryKey(organization.id), saved);
      // The organization list (the "Create space" dialog) shows the name too.
      await queryClient.invalidateQueries({ queryKey: organizationsQueryKey, exact: true });
    },
  });
  const changes = {
    ...(name.trim() !== organization.name ? { name: name.trim() } : {}),
    ...(description !== organization.description ? { description } : {}),
  };
  const dirty = Object.keys(changes).length > 0;
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dirty) save.mutate(changes);
  }

  return (
    <SettingsSection
      id="organization-details"
      title="Details"
      description={canEdit ? undefined : "Only owners and admins of the organization can change these."}
    >
      <form onSubmit={submit} className="space-y-4" noValidate data-testid="organization-details-form">
        <InputField
          label="Organization name"
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
          label="Organization description"
          rows={3}
          maxLength={500}
          readOnly={!canEdit}
          value={description}
          onChange={(e) => {
            save.reset();
            setDescription(e.target.value);
          }}
          hint="What the organization is; its members see it here."
          error={fieldErrors.description}
        />
        <ErrorMessage error={save.error} title="The changes could not be saved" />
        {save.isSuccess && !dirty && <Notice tone="success">Saved.</Notice>}
        {canEdit && (
          <Button type="submit" busy={save.isPending} disabled={!dirty} data-testid="save-organization">
            {save.isPending ? "Saving…" : "Save changes"}
          </Button>
        )}
      </form>
    </SettingsSection>
  );
}
