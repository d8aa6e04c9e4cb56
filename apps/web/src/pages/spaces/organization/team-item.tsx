import { useQueryClient } from "@tanstack/react-query";
import type { Organization, OrganizationMember, Team } from "@tributary/contracts";
import { useId, useState } from "react";
import { api } from "../../../api/client";
import { Button } from "../../../ui/button";
import { AsyncConfirmDialog } from "../../../ui/confirm-dialog";
import { effectiveTeamRole, teamPermissions } from "./group-roles";
import { teamsQueryKey, useTeamMembers } from "./organization-queries";
import { RenameTeamDialog } from "./rename-team-dialog";
import { TeamMembersPanel } from "./team-members-panel";

/**
 * One team: name and description, its members on demand, and rename and delete for those allowed.
 * The caller's team role is known once the members are loaded; organization owners and admins
 * manage every team regardless.
 */
export function TeamItem({
  team,
  organization,
  myUserId,
  organizationMembers,
}: {
  team: Team;
  organization: Organization;
  myUserId: string | undefined;
  organizationMembers: readonly OrganizationMember[];
}) {
  const queryClient = useQueryClient();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<"rename" | "delete" | null>(null);
  const members = useTeamMembers(team, open);
  const myTeamRole = members.items.find((member) => member.user_id === myUserId)?.role;
  const myRole = effectiveTeamRole(myTeamRole, organization.role);
  const can = teamPermissions(myRole);

  return (
    <li className="py-3" data-testid="team-item">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <h3 className="break-words font-medium">{team.name}</h3>
          {team.description && (
            <p className="break-words text-sm text-slate-600 dark:text-slate-300">{team.description}</p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((value) => !value)}
            data-testid="team-toggle"
          >
            {open ? "Hide members" : "Show members"}
            <span className="sr-only"> of {team.name}</span>
          </Button>
          {can.rename && (
            <Button
              variant="secondary"
              onClick={() => setAction("rename")}
              aria-label={`Rename ${team.name}`}
            >
              Rename
            </Button>
          )}
          {can.delete && (
            <Button
              variant="secondary"
              onClick={() => setAction("delete")}
              aria-label={`Delete ${team.name}`}
            >
              Delete
            </Button>
          )}
        </div>
      </div>
      <div id={panelId} hidden={!open}>
        {open && (
          <TeamMembersPanel
            team={team}
            members={members}
            myRole={myRole}
            myUserId={myUserId}
            organizationMembers={organizationMembers}
          />
        )}
      </div>
      <RenameTeamDialog team={team} open={action === "rename"} onClose={() => setAction(null)} />
      <AsyncConfirmDialog
        open={action === "delete"}
        title={`Delete ${team.name}?`}
        confirmLabel="Delete team"
        onConfirm={async () => {
          await api.delete(`/api/v1/teams/${team.id}`);
          await queryClient.invalidateQueries({ queryKey: teamsQueryKey(team.organization_id) });
        }}
        onClose={() => setAction(null)}
      >
        The team and its memberships are deleted; its members stay in the organization. This cannot be undone.
      </AsyncConfirmDialog>
    </li>
  );
}
