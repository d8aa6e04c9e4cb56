import type { Organization } from "@tributary/contracts";
import { EmptyState, ErrorMessage, Spinner } from "../../../ui/feedback";
import { LoadMore } from "../../../ui/load-more";
import { SettingsSection } from "../settings-section";
import { CreateTeamForm } from "./create-team-form";
import { atLeast } from "./group-roles";
import { useOrganizationMembers, useTeams } from "./organization-queries";
import { TeamItem } from "./team-item";

/** The organization's teams: groups of its members. Owners and admins create them. */
export function TeamsSection({
  organization,
  myUserId,
}: {
  organization: Organization;
  myUserId: string | undefined;
}) {
  const teams = useTeams(organization.id);
  // Shared with the members section (same query): suggestions when adding to a team.
  const organizationMembers = useOrganizationMembers(organization.id).items;
  const canCreate = atLeast(organization.role, "admin");
  return (
    <SettingsSection
      id="organization-teams"
      title="Teams"
      description="Teams group members of the organization. Organization owners and admins manage every team; a team's own owners and admins manage that team."
    >
      {canCreate && <CreateTeamForm organizationId={organization.id} />}
      {teams.isPending && <Spinner label="Loading teams" />}
      <ErrorMessage error={teams.error} title="The teams could not be loaded" />
      {!teams.isPending && !teams.error && teams.items.length === 0 && (
        <EmptyState title="No teams yet">
          {canCreate
            ? "Create a team above, then open it to add members of the organization."
            : "The organization's owners and admins create teams."}
        </EmptyState>
      )}
      {teams.items.length > 0 && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700" data-testid="team-list">
          {teams.items.map((team) => (
            <TeamItem
              key={team.id}
              team={team}
              organization={organization}
              myUserId={myUserId}
              organizationMembers={organizationMembers}
            />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={teams.hasNextPage}
        loading={teams.isFetchingNextPage}
        onLoadMore={() => void teams.fetchNextPage()}
        label="Show more teams"
      />
    </SettingsSection>
  );
}
