import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Organization, OrganizationMember } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../../api/api-error";
import { api } from "../../../api/client";
import { Button } from "../../../ui/button";
import { ErrorMessage } from "../../../ui/feedback";
import { InputField, SelectField } from "../../../ui/field";
import { type GroupRole, grantableRoles, groupRoleLabels, organizationRoleDescriptions } from "./group-roles";
import { memberIdentity } from "./member-identity";
import { organizationMembersQueryKey } from "./organization-queries";

/**
 * Adds an existing account to the organization at once (the API has no organization invitations:
 * someone without an account is invited to a space instead, from Space settings).
 */
export function AddOrganizationMemberForm({ organization }: { organization: Organization }) {
  const queryClient = useQueryClient();
  const roles = grantableRoles(organization.role);
  const [who, setWho] = useState("");
  const [role, setRole] = useState<GroupRole>("member");
  const [title, setTitle] = useState("");
  const [department, setDepartment] = useState("");
  const add = useMutation({
    mutationFn: () =>
      api.post<OrganizationMember>(`/api/v1/organizations/${organization.id}/members`, {
        ...memberIdentity(who),
        role,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(department.trim() ? { department: department.trim() } : {}),
      }),
    onSuccess: async () => {
      setWho("");
      setTitle("");
      setDepartment("");
      await queryClient.invalidateQueries({ queryKey: organizationMembersQueryKey(organization.id) });
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
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      noValidate
      aria-label="Add a member to the organization"
      data-testid="add-organization-member-form"
    >
      <h3 className="text-sm font-semibold">Add a member</h3>
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <InputField
          label="Email or user ID"
          autoComplete="off"
          required
          value={who}
          onChange={(e) => {
            add.reset();
            setWho(e.target.value);
          }}
          hint="They need a Tributary account. Someone new? Invite them to a space from Space settings."
          error={fieldErrors.email ?? fieldErrors.user_id ?? fieldErrors[""]}
        />
        <SelectField
          label="Role in the organization"
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
      <p className="text-xs text-slate-600 dark:text-slate-300">
        {groupRoleLabels[role]}: {organizationRoleDescriptions[role]}.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label="Title (optional)"
          maxLength={100}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldErrors.title}
        />
        <InputField
          label="Department (optional)"
          maxLength={100}
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
          error={fieldErrors.department}
        />
      </div>
      <ErrorMessage error={add.error} title="The member could not be added" />
      <Button type="submit" busy={add.isPending} disabled={!who.trim()} data-testid="add-organization-member">
        {add.isPending ? "Adding…" : "Add member"}
      </Button>
    </form>
  );
}
