import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Team, TeamMember } from "@tributary/contracts";
import { useState } from "react";
import { api } from "../../../api/client";
import { Button } from "../../../ui/button";
import { AsyncConfirmDialog } from "../../../ui/confirm-dialog";
import { Badge, ErrorMessage } from "../../../ui/feedback";
import { GroupRolePicker } from "./group-role-picker";
import { type GroupRole, groupRoleLabels } from "./group-roles";
import { teamMembersQueryKey } from "./organization-queries";

/** One team member: their role (a picker where the caller may change it), remove or leave. */
export function TeamMemberRow({
  team,
  member,
  isSelf,
  roles,
}: {
  team: Team;
  member: TeamMember;
  isSelf: boolean;
  /** The roles the caller may set on this member; empty: they may neither change nor remove them (anyone may leave). */
  roles: readonly GroupRole[];
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const name = member.full_name.trim() || member.email;
  const canRemove = roles.length > 0;
  const memberPath = `/api/v1/teams/${team.id}/members/${member.user_id}`;
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: teamMembersQueryKey(team.organization_id, team.id) });
  const changeRole = useMutation({
    mutationFn: (role: GroupRole) => api.patch<TeamMember>(memberPath, { role }),
    onSuccess: refresh,
  });
  return (
    <li className="flex flex-wrap items-center gap-2 py-2" data-testid="team-member-row">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          <span className="break-words">{name}</span>
          {isSelf && <Badge tone="info">You</Badge>}
        </p>
        <p className="break-all text-xs text-slate-600 dark:text-slate-300">{member.email}</p>
      </div>
      {canRemove ? (
        <GroupRolePicker
          label={`Team role of ${name}`}
          value={member.role}
          roles={roles}
          busy={changeRole.isPending}
          onChange={(role) => changeRole.mutate(role)}
          testId="team-member-role"
        />
      ) : (
        <Badge tone={member.role === "owner" ? "info" : "neutral"}>{groupRoleLabels[member.role]}</Badge>
      )}
      {(isSelf || canRemove) && (
        <Button
          variant="secondary"
          className="py-1"
          onClick={() => setConfirming(true)}
          aria-label={isSelf ? `Leave ${team.name}` : `Remove ${name} from ${team.name}`}
        >
          {isSelf ? "Leave" : "Remove"}
        </Button>
      )}
      {changeRole.error ? (
        <div className="basis-full">
          <ErrorMessage error={changeRole.error} title={`The team role of ${name} could not be changed`} />
        </div>
      ) : null}
      <AsyncConfirmDialog
        open={confirming}
        title={isSelf ? `Leave ${team.name}?` : `Remove ${name} from ${team.name}?`}
        confirmLabel={isSelf ? "Leave team" : "Remove from team"}
        onConfirm={async () => {
          await api.delete(memberPath);
          await refresh();
        }}
        onClose={() => setConfirming(false)}
      >
        {isSelf
          ? "You stay in the organization; an owner or admin can add you to the team again."
          : `${name} stays in the organization and can be added to the team again.`}
      </AsyncConfirmDialog>
    </li>
  );
}
