import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Space } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { spacesQueryKey } from "../../layout/use-space";
import { Button } from "../../ui/button";
import { ErrorMessage, Notice } from "../../ui/feedback";
import { InputField, TextAreaField } from "../../ui/field";
import { SettingsSection } from "./settings-section";
import { spaceQueryKey } from "./space-queries";

/** The space's name and description; owners and admins edit them, others read them. */
export function SpaceDetailsForm({ space, canEdit }: { space: Space; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(space.name);
  const [description, setDescription] = useState(space.description);
  const save = useMutation({
    mutationFn: (changes: { name?: string; description?: string }) =>
      api.patch<Space>(`/api/v1/spaces/${space.id}`, changes, { space: space.id }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(spaceQueryKey(space.id), saved);
      // The switcher and the space list show the name too.
      await queryClient.invalidateQueries({ queryKey: spacesQueryKey, exact: true });
    },
  });
  const changes = {
    ...(name.trim() !== space.name ? { name: name.trim() } : {}),
    ...(description !== space.description ? { description } : {}),
  };
  const dirty = Object.keys(changes).length > 0;
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dirty) save.mutate(changes);
  }

  return (
    <SettingsSection
      id="space-details"
      title="Details"
      description={canEdit ? undefined : "Only owners and admins of this space can change these."}
    >
      <form onSubmit={submit} className="space-y-4" noValidate data-testid="space-details-form">
        <InputField
          label="Space name"
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
          label="Description"
          rows={3}
          maxLength={500}
          readOnly={!canEdit}
          value={description}
          onChange={(e) => {
            save.reset();
            setDescription(e.target.value);
          }}
          hint="What the space is for; members see it in their space list."
          error={fieldErrors.description}
        />
        <ErrorMessage error={save.error} title="The changes could not be saved" />
        {save.isSuccess && !dirty && <Notice tone="success">Saved.</Notice>}
        {canEdit && (
          <Button type="submit" busy={save.isPending} disabled={!dirty} data-testid="save-space-details">
            {save.isPending ? "Saving…" : "Save changes"}
          </Button>
        )}
      </form>
    </SettingsSection>
  );
}
