import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Organization, OrganizationMember } from "@tributary/contracts";
import { useState } from "react";
import { api } from "../../../api/client";
import { Button } from "../../../ui/button";
import { AsyncConfirmDialog } from "../../../ui/confirm-dialog";
import { Badge, ErrorMessage } from "../../../ui/feedback";
import { organizationsQueryKey } from "../space-queries";
import { GroupRolePicker } from "./group-role-picker";
import { type GroupRole, groupRoleLabels, manageableRoles } from "./group-roles";
import { organizationQueryKey } from "./organization-queries";

/** One member of the organization: who, their role (a picker where allowed), remove or leave. */
export function OrganizationMemberRow({
  member,
  organization,
  isSelf,
}: {
  member: OrganizationMember;
  organization: Organization;
  isSelf: boolean;
}) {
  const queryClient = useQueryClient();
  const name = member.full_name.trim() || member.email;
  const roles = manageableRoles(organization.role, member.role);
  const memberPath = `/api/v1/organizations/${organization.id}/members/${member.user_id}`;
  // Removing someone also drops their team memberships, and a role change may change the
  // caller's own rights: refresh everything about the organization.
  const refresh = () => queryClient.invalidateQueries({ queryKey: organizationQueryKey(organization.id) });
  const changeRole = useMutation({
    mutationFn: (role: GroupRole) => api.patch<OrganizationMember>(memberPath, { role }),
    onSuccess: refresh,
  });
  const [confirming, setConfirming] = useState<"remove" | "leave" | null>(null);
  const details = [member.title, member.department].filter(Boolean).join(" · ");

  return (
    <li
      className="flex flex-col gap-3 py-3 sm:flex-row sm:flex-wrap sm:items-center"
      data-testid="organization-member-row"
    >
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span className="break-words">{name}</span>
          {isSelf && <Badge tone="info">You</Badge>}
        </p>
        <p className="break-all text-sm text-slate-600 dark:text-slate-300">{member.email}</p>
        {details && <p className="text-sm text-slate-600 dark:text-slate-300">{details}</p>}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {roles.length > 0 ? (
          <GroupRolePicker
            label={`Role of ${name}`}
            value={member.role}
            roles={roles}
            busy={changeRole.isPending}
            onChange={(role) => changeRole.mutate(role)}
          />
        ) : (
          <Badge tone={member.role === "owner" ? "info" : "neutral"}>{groupRoleLabels[member.role]}</Badge>
        )}
        {isSelf ? (
          <Button variant="secondary" onClick={() => setConfirming("leave")} data-testid="leave-organization">
            Leave organization
          </Button>
        ) : (
          roles.length > 0 && (
            <Button variant="secondary" onClick={() => setConfirming("remove")} aria-label={`Remove ${name}`}>
              Remove
            </Button>
          )
        )}
      </div>
      {changeRole.error ? (
        <div className="sm:basis-full">
          <ErrorMessage error={changeRole.error} title={`The role of ${name} could not be changed`} />
        </div>
      ) : null}
      <AsyncConfirmDialog
        open={confirming === "remove"}
        title={`Remove ${name}?`}
        confirmLabel="Remove member"
        onConfirm={async () => {
          await api.delete(memberPath);
          await refresh();
        }}
        onClose={() => setConfirming(null)}
      >
        {name} leaves “{organization.name}” and all of its teams at once. Their memberships of the
        organization's spaces are not changed. You can add them again later.
      </AsyncConfirmDialog>
      <AsyncConfirmDialog
        open={confirming === "leave"}
        title={`Leave “${organization.name}”?`}
        confirmLabel="Leave organization"
        onConfirm={async () => {
          await api.delete(memberPath);
          // The page then shows the organization as one the user is not in; the spaces stay theirs.
          await queryClient.invalidateQueries({ queryKey: organizationsQueryKey });
        }}
        onClose={() => setConfirming(null)}
      >
        You leave the organization and all of its teams; the spaces you are a member of stay yours. To come
        back, ask an owner or admin to add you again. The last owner cannot leave: make someone else owner
        first.
      </AsyncConfirmDialog>
    </li>
  );
}
