import { useQueryClient } from "@tanstack/react-query";
import type { Team, TeamMember } from "@tributary/contracts";
import { useState } from "react";
import { api } from "../../../api/client";
import { Button } from "../../../ui/button";
import { AsyncConfirmDialog } from "../../../ui/confirm-dialog";
import { Badge } from "../../../ui/feedback";
import { groupRoleLabels } from "./group-roles";
import { teamMembersQueryKey } from "./organization-queries";

/** One team member; the API has no team role change, so the role is shown, not edited. */
export function TeamMemberRow({
  team,
  member,
  isSelf,
  canRemove,
}: {
  team: Team;
  member: TeamMember;
  isSelf: boolean;
  /** Whether the caller may remove this member (anyone may leave). */
  canRemove: boolean;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const name = member.full_name.trim() || member.email;
  return (
    <li className="flex flex-wrap items-center gap-2 py-2" data-testid="team-member-row">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          <span className="break-words">{name}</span>
          {isSelf && <Badge tone="info">You</Badge>}
        </p>
        <p className="break-all text-xs text-slate-600 dark:text-slate-300">{member.email}</p>
      </div>
      <Badge tone={member.role === "owner" ? "info" : "neutral"}>{groupRoleLabels[member.role]}</Badge>
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
      <AsyncConfirmDialog
        open={confirming}
        title={isSelf ? `Leave ${team.name}?` : `Remove ${name} from ${team.name}?`}
        confirmLabel={isSelf ? "Leave team" : "Remove from team"}
        onConfirm={async () => {
          await api.delete(`/api/v1/teams/${team.id}/members/${member.user_id}`);
          await queryClient.invalidateQueries({
            queryKey: teamMembersQueryKey(team.organization_id, team.id),
          });
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
