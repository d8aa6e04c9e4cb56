import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreatedInvitation, Invitation } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { Button } from "../../ui/button";
import { ErrorMessage } from "../../ui/feedback";
import { InputField, SelectField } from "../../ui/field";
import { roleDescriptions, roleLabels } from "./roles";
import { invitationsQueryKey } from "./space-queries";

const invitableRoles: readonly Invitation["role"][] = ["member", "viewer", "admin"];

/** Email and role of a new invitation. */
export function InviteForm({
  spaceId,
  onCreated,
}: {
  spaceId: string;
  onCreated: (invitation: CreatedInvitation) => void;
}) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Invitation["role"]>("member");
  const invite = useMutation({
    mutationFn: () =>
      api.post<CreatedInvitation>(
        `/api/v1/spaces/${spaceId}/invitations`,
        { email: email.trim(), role },
        { space: spaceId },
      ),
    onSuccess: async (created) => {
      onCreated(created);
      setEmail("");
      await queryClient.invalidateQueries({ queryKey: invitationsQueryKey(spaceId) });
    },
  });
  const fieldErrors = invite.error instanceof ApiError ? invite.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate();
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate data-testid="invite-form">
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <InputField
          label="Email to invite"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email}
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as Invitation["role"])}
          error={fieldErrors.role}
        >
          {invitableRoles.map((value) => (
            <option key={value} value={value}>
              {roleLabels[value]}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        {roleLabels[role]}: {roleDescriptions[role]}.
      </p>
      <ErrorMessage error={invite.error} title="The invitation could not be created" />
      <Button type="submit" busy={invite.isPending} data-testid="create-invitation">
        {invite.isPending ? "Creating the invitation…" : "Create invitation link"}
      </Button>
    </form>
  );
}
