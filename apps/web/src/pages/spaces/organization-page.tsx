import { useNavigate } from "@tanstack/react-router";
import { useAuth } from "../../auth/auth-context";
import { useSpaceId, useSpaces } from "../../layout/use-space";
import { ErrorMessage, PageHeader, Spinner } from "../../ui/feedback";
import { landingPathFor } from "../auth/landing-path";
import { OrganizationView } from "./organization/organization-view";
import { PersonalSpaceNotice } from "./organization/personal-space-notice";

/** `/s/$spaceId/organization`: the organization the current space belongs to, if any. */
export function OrganizationPage() {
  const spaceId = useSpaceId();
  const spaces = useSpaces();
  const { user } = useAuth();
  const navigate = useNavigate();
  const space = spaces.data?.find((candidate) => candidate.id === spaceId);

  if (spaces.isPending) {
    return (
      <>
        <PageHeader title="Organization" />
        <Spinner label="Loading the space" />
      </>
    );
  }
  if (!space) {
    return (
      <>
        <PageHeader title="Organization" />
        <ErrorMessage
          error={spaces.error ?? new Error("This space is not among yours: pick one from “All spaces”.")}
          title="The space could not be loaded"
        />
      </>
    );
  }
  if (!space.organization_id) {
    return (
      <>
        <PageHeader title="Organization" description={space.name} />
        <PersonalSpaceNotice />
      </>
    );
  }
  return (
    <OrganizationView
      organizationId={space.organization_id}
      myUserId={user?.id}
      onDeleted={() => void navigate({ to: user ? landingPathFor(user) : "/spaces" })}
    />
  );
}
