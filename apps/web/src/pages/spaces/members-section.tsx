import type { Space } from "@tributary/contracts";
import { Button } from "../../ui/button";
import { EmptyState, ErrorMessage, Spinner } from "../../ui/feedback";
import { MemberRow } from "./member-row";
import type { SpaceRole } from "./roles";
import { SettingsSection } from "./settings-section";
import { useMembers } from "./space-queries";

/** Who is in the space and their roles; owners and admins change roles and remove members. */
export function MembersSection({
  space,
  myRole,
  myUserId,
}: {
  space: Space;
  myRole: SpaceRole;
  myUserId: string | undefined;
}) {
  const members = useMembers(space.id);
  const list = members.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <SettingsSection
      id="space-members"
      title="Members"
      description="Owners can do everything; admins manage settings, members and invitations; members add documents and use the assistant; viewers read and search."
    >
      {members.isPending && <Spinner label="Loading members" />}
      <ErrorMessage error={members.error} title="The members could not be loaded" />
      {members.data && list.length === 0 && (
        <EmptyState title="No members">Invite people below to work in this space together.</EmptyState>
      )}
      {list.length > 0 && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700" data-testid="member-list">
          {list.map((member) => (
            <MemberRow
              key={member.user_id}
              member={member}
              space={space}
              myRole={myRole}
              isSelf={member.user_id === myUserId}
            />
          ))}
        </ul>
      )}
      {members.hasNextPage && (
        <Button
          variant="secondary"
          busy={members.isFetchingNextPage}
          onClick={() => void members.fetchNextPage()}
        >
          Show more members
        </Button>
      )}
    </SettingsSection>
  );
}
