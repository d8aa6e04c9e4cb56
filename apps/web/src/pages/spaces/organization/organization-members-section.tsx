import type { Organization } from "@tributary/contracts";
import { ErrorMessage, Spinner } from "../../../ui/feedback";
import { LoadMore } from "../../../ui/load-more";
import { SettingsSection } from "../settings-section";
import { AddOrganizationMemberForm } from "./add-organization-member-form";
import { grantableRoles } from "./group-roles";
import { OrganizationMemberRow } from "./organization-member-row";
import { useOrganizationMembers } from "./organization-queries";

/** Who is in the organization, with their roles; owners and admins add, change and remove members. */
export function OrganizationMembersSection({
  organization,
  myUserId,
}: {
  organization: Organization;
  myUserId: string | undefined;
}) {
  const members = useOrganizationMembers(organization.id);
  return (
    <SettingsSection
      id="organization-members"
      title="Members"
      description="Owners can do everything; admins edit the organization, manage members other than owners, and create spaces and teams; members see the organization and its teams. Being a member does not open the organization's spaces: each space has its own members."
    >
      {grantableRoles(organization.role).length > 0 && (
        <AddOrganizationMemberForm organization={organization} />
      )}
      {members.isPending && <Spinner label="Loading members" />}
      <ErrorMessage error={members.error} title="The members could not be loaded" />
      {members.items.length > 0 && (
        <ul
          className="divide-y divide-slate-200 dark:divide-slate-700"
          data-testid="organization-member-list"
        >
          {members.items.map((member) => (
            <OrganizationMemberRow
              key={member.user_id}
              member={member}
              organization={organization}
              isSelf={member.user_id === myUserId}
            />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={members.hasNextPage}
        loading={members.isFetchingNextPage}
        onLoadMore={() => void members.fetchNextPage()}
        label="Show more members"
      />
    </SettingsSection>
  );
}
