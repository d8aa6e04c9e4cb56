import type { OrganizationMember, Team, TeamMember } from "@tributary/contracts";
import { ErrorMessage, Spinner } from "../../../ui/feedback";
import { LoadMore } from "../../../ui/load-more";
import { AddTeamMemberForm } from "./add-team-member-form";
import { type GroupRole, grantableRoles, manageableRoles } from "./group-roles";
import { TeamMemberRow } from "./team-member-row";

/** An opened team: its members (remove, leave) and, for its managers, a way to add more. */
export function TeamMembersPanel({
  team,
  members,
  myRole,
  myUserId,
  organizationMembers,
}: {
  team: Team;
  members: {
    items: TeamMember[];
    isPending: boolean;
    error: unknown;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
  };
  /** The caller's effective role in the team. */
  myRole: GroupRole | null;
  myUserId: string | undefined;
  organizationMembers: readonly OrganizationMember[];
}) {
  const roles = grantableRoles(myRole);
  const inTeam = new Set(members.items.map((member) => member.user_id));
  const candidates = organizationMembers.filter((member) => !inTeam.has(member.user_id));
  return (
    <div className="mt-3 space-y-3 rounded-md bg-slate-50 p-3 dark:bg-slate-800/60">
      {members.isPending && <Spinner label={`Loading the members of ${team.name}`} />}
      <ErrorMessage error={members.error} title="The team's members could not be loaded" />
      {!members.isPending && !members.error && members.items.length === 0 && (
        <p className="text-sm text-slate-700 dark:text-slate-200">
          No members yet.{" "}
          {roles.length > 0
            ? "Add members of the organization below."
            : "The team's owners and admins, and the organization's, add its members."}
        </p>
      )}
      {members.items.length > 0 && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700" data-testid="team-member-list">
          {members.items.map((member) => (
            <TeamMemberRow
              key={member.user_id}
              team={team}
              member={member}
              isSelf={member.user_id === myUserId}
              roles={manageableRoles(myRole, member.role)}
            />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={members.hasNextPage}
        loading={members.isFetchingNextPage}
        onLoadMore={() => void members.fetchNextPage()}
        label="Show more team members"
      />
      {roles.length > 0 && <AddTeamMemberForm team={team} roles={roles} candidates={candidates} />}
    </div>
  );
}
