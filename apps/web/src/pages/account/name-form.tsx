import { useMutation } from "@tanstack/react-query";
import type { User } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { useAuth } from "../../auth/auth-context";
import { Button } from "../../ui/button";
import { ErrorMessage, Notice } from "../../ui/feedback";
import { InputField } from "../../ui/field";
import { SettingsSection } from "../spaces/settings-section";

/** The user's first and last name: what other members see in member lists. */
export function NameForm({ user }: { user: User }) {
  const { refreshUser } = useAuth();
  const [firstName, setFirstName] = useState(user.first_name);
  const [lastName, setLastName] = useState(user.last_name);
  const changes = {
    ...(firstName.trim() !== user.first_name ? { first_name: firstName.trim() } : {}),
    ...(lastName.trim() !== user.last_name ? { last_name: lastName.trim() } : {}),
  };
  const dirty = Object.keys(changes).length > 0;
  const save = useMutation({
    mutationFn: (body: typeof changes) => api.patch<User>("/api/v1/users/me", body),
    // The session's copy of the user (the header shows the name) is refreshed from the server; the
    // name is saved even if that refresh fails, so its failure is not the save's.
    onSuccess: () => refreshUser().catch(() => undefined),
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dirty) save.mutate(changes);
  }

  return (
    <SettingsSection id="profile-name" title="Name" description="Shown to the members of your spaces.">
      <form onSubmit={submit} className="space-y-4" noValidate data-testid="profile-name-form">
        <div className="grid gap-3 sm:grid-cols-2">
          <InputField
            label="First name"
            autoComplete="given-name"
            required
            maxLength={100}
            value={firstName}
            onChange={(e) => {
              save.reset();
              setFirstName(e.target.value);
            }}
            error={fieldErrors.first_name}
          />
          <InputField
            label="Last name"
            autoComplete="family-name"
            required
            maxLength={100}
            value={lastName}
            onChange={(e) => {
              save.reset();
              setLastName(e.target.value);
            }}
            error={fieldErrors.last_name}
          />
        </div>
        <ErrorMessage error={save.error} title="Your name could not be saved" />
        {save.isSuccess && !dirty && <Notice tone="success">Saved.</Notice>}
        <Button type="submit" busy={save.isPending} disabled={!dirty} data-testid="save-profile">
          {save.isPending ? "Saving…" : "Save name"}
        </Button>
      </form>
    </SettingsSection>
  );
}
