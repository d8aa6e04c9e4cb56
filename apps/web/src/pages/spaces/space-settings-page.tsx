import { useAuth } from "../../auth/auth-context";
import { useSpaceId } from "../../layout/use-space";
import { ErrorMessage, PageHeader, Spinner } from "../../ui/feedback";
import { DeleteSpaceSection } from "./delete-space-section";
import { InvitationsSection } from "./invitations-section";
import { MembersSection } from "./members-section";
import { atLeast, roleLabels } from "./roles";
import { SpaceDetailsForm } from "./space-details-form";
import { useSpace } from "./space-queries";

/** A space's name and description, its members and their roles, and its invitations. */
export function SpaceSettingsPage() {
  const spaceId = useSpaceId();
  const space = useSpace(spaceId);
  const { user } = useAuth();

  if (space.isPending) {
    return (
      <>
        <PageHeader title="Space settings" />
        <Spinner label="Loading the space" />
      </>
    );
  }
  if (space.error) {
    return (
      <>
        <PageHeader title="Space settings" />
        <ErrorMessage error={space.error} title="The space could not be loaded" />
      </>
    );
  }
  const { role } = space.data;
  const kind = space.data.space_type === "personal" ? "Personal space" : "Organization space";
  return (
    <>
      <PageHeader
        title="Space settings"
        description={`${space.data.name} · ${kind} · your role: ${roleLabels[role]}`}
      />
      <div className="space-y-6">
        {/* Keyed by id: moving to another space's settings starts its form afresh. */}
        <SpaceDetailsForm key={space.data.id} space={space.data} canEdit={atLeast(role, "admin")} />
        <MembersSection space={space.data} myRole={role} myUserId={user?.id} />
        {atLeast(role, "admin") && <InvitationsSection spaceId={spaceId} />}
        {role === "owner" && space.data.space_type !== "personal" && (
          <DeleteSpaceSection space={space.data} />
        )}
      </div>
    </>
  );
}
