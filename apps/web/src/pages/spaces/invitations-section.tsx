import type { CreatedInvitation } from "@tributary/contracts";
import { useState } from "react";
import { Button } from "../../ui/button";
import { EmptyState, ErrorMessage, Spinner } from "../../ui/feedback";
import { InvitationRow } from "./invitation-row";
import { InviteForm } from "./invite-form";
import { InviteLink } from "./invite-link";
import { SettingsSection } from "./settings-section";
import { useInvitations } from "./space-queries";

/** Invite people by email: each invitation is a single-use link shown once, to send them yourself. */
export function InvitationsSection({ spaceId }: { spaceId: string }) {
  const invitations = useInvitations(spaceId, true);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const list = invitations.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <SettingsSection
      id="space-invitations"
      title="Invitations"
      description="Invite someone by email. They open the link, sign in or create an account with that address, and join with the role you chose."
    >
      <InviteForm spaceId={spaceId} onCreated={setCreated} />
      {created && <InviteLink invitation={created} onDismiss={() => setCreated(null)} />}
      <h3 className="text-base font-semibold">Sent invitations</h3>
      {invitations.isPending && <Spinner label="Loading invitations" />}
      <ErrorMessage error={invitations.error} title="The invitations could not be loaded" />
      {invitations.data && list.length === 0 && (
        <EmptyState title="No invitations yet">
          Invite someone with their email address above; you get a link to send them.
        </EmptyState>
      )}
      {list.length > 0 && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700" data-testid="invitation-list">
          {list.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      )}
      {invitations.hasNextPage && (
        <Button
          variant="secondary"
          busy={invitations.isFetchingNextPage}
          onClick={() => void invitations.fetchNextPage()}
        >
          Show more invitations
        </Button>
      )}
    </SettingsSection>
  );
}
