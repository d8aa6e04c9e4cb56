import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { OrganizationMember, Team, TeamMember } from "@tributary/contracts";
import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../../../api/api-error";
import { api } from "../../../api/client";
import { Button } from "../../../ui/button";
import { ErrorMessage } from "../../../ui/feedback";
import { InputField, SelectField } from "../../../ui/field";
import { type GroupRole, groupRoleLabels } from "./group-roles";
import { memberIdentity } from "./member-identity";
import { teamMembersQueryKey } from "./organization-queries";

/**
 * Adds a member of the organization to a team. The address field suggests the organization's
 * members who are not in the team yet; only they can join it.
 */
export function AddTeamMemberForm({
  team,
  roles,
  candidates,
}: {
  team: Team;
  /** The team roles the caller may grant. */
  roles: readonly GroupRole[];
  candidates: readonly OrganizationMember[];
}) {
  const queryClient = useQueryClient();
  const suggestions = useId();
  const [who, setWho] = useState("");
  const [role, setRole] = useState<GroupRole>("member");
  const add = useMutation({
    mutationFn: () =>
      api.post<TeamMember>(`/api/v1/teams/${team.id}/members`, { ...memberIdentity(who), role }),
    onSuccess: async () => {
      setWho("");
      await queryClient.invalidateQueries({ queryKey: teamMembersQueryKey(team.organization_id, team.id) });
    },
  });
  const fieldErrors = add.error instanceof ApiError ? add.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3"
      noValidate
      aria-label={`Add a member to ${team.name}`}
      data-testid="add-team-member-form"
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_9rem]">
        <InputField
          label="Email or user ID"
          autoComplete="off"
          list={suggestions}
          required
          value={who}
          onChange={(e) => {
            add.reset();
            setWho(e.target.value);
          }}
          hint="Only members of the organization can join its teams."
          error={fieldErrors.email ?? fieldErrors.user_id ?? fieldErrors[""]}
        />
        <SelectField
          label="Role in the team"
          value={role}
          onChange={(e) => setRole(e.target.value as GroupRole)}
          error={fieldErrors.role}
        >
          {roles.map((value) => (
            <option key={value} value={value}>
              {groupRoleLabels[value]}
            </option>
          ))}
        </SelectField>
      </div>
      <datalist id={suggestions}>
        {candidates.map((member) => (
          <option key={member.user_id} value={member.email}>
            {member.full_name}
          </option>
        ))}
      </datalist>
      <ErrorMessage error={add.error} title="The member could not be added to the team" />
      <Button type="submit" busy={add.isPending} disabled={!who.trim()} data-testid="add-team-member">
        {add.isPending ? "Adding…" : "Add to team"}
      </Button>
    </form>
  );
}
