import { ApiError } from "../../../api/api-error";
import { ErrorMessage, Notice, PageHeader, Spinner } from "../../../ui/feedback";
import { DeleteOrganizationSection } from "./delete-organization-section";
import { atLeast, groupRoleLabels } from "./group-roles";
import { OrganizationDetailsForm } from "./organization-details-form";
import { OrganizationMembersSection } from "./organization-members-section";
import { useOrganization } from "./organization-queries";
import { TeamsSection } from "./teams-section";

const title = "Organization";

/** The organization a space belongs to: its details, members and teams, as the caller's role allows. */
export function OrganizationView({
  organizationId,
  myUserId,
  onDeleted,
}: {
  organizationId: string;
  myUserId: string | undefined;
  onDeleted: () => void;
}) {
  const organization = useOrganization(organizationId);
  if (organization.isPending) {
    return (
      <>
        <PageHeader title={title} />
        <Spinner label="Loading the organization" />
      </>
    );
  }
  if (organization.error) {
    // The API answers 404 to non-members: a space member need not belong to its organization.
    const notMember = organization.error instanceof ApiError && organization.error.status === 404;
    return (
      <>
        <PageHeader title={title} />
        {notMember ? (
          <div data-testid="organization-not-member">
            <Notice>
              This space belongs to an organization you are not a member of. You can still work in the space;
              to see the organization, its members and its teams, ask one of its owners or admins to add you.
            </Notice>
          </div>
        ) : (
          <ErrorMessage error={organization.error} title="The organization could not be loaded" />
        )}
      </>
    );
  }
  const data = organization.data;
  return (
    <>
      <PageHeader title={title} description={`${data.name} · your role: ${groupRoleLabels[data.role]}`} />
      <div className="space-y-6">
        {/* Keyed by id: another organization's page starts its form afresh. */}
        <OrganizationDetailsForm key={data.id} organization={data} canEdit={atLeast(data.role, "admin")} />
        <OrganizationMembersSection organization={data} myUserId={myUserId} />
        <TeamsSection organization={data} myUserId={myUserId} />
        {data.role === "owner" && <DeleteOrganizationSection organization={data} onDeleted={onDeleted} />}
      </div>
    </>
  );
}
