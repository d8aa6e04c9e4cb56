import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Invitation } from "@tributary/contracts";
import { api } from "../../api/client";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/button";
import { Badge, ErrorMessage } from "../../ui/feedback";
import { roleLabels } from "./roles";
import { invitationsQueryKey } from "./space-queries";

const statusTones = {
  pending: "info",
  accepted: "success",
  revoked: "neutral",
  expired: "warning",
} as const;

/** One sent invitation: to whom, which role, its status, and revoke while it is pending. */
export function InvitationRow({ invitation }: { invitation: Invitation }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () =>
      api.delete(`/api/v1/spaces/${invitation.space_id}/invitations/${invitation.id}`, {
        space: invitation.space_id,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(invitation.space_id) }),
  });
  const when =
    invitation.status === "accepted"
      ? `Accepted ${formatDateTime(invitation.accepted_at)}`
      : invitation.status === "pending"
        ? `Expires ${formatDateTime(invitation.expires_at)}`
        : `Sent ${formatDateTime(invitation.created_at)}`;

  return (
    <li
      className="flex flex-col gap-2 py-3 sm:flex-row sm:flex-wrap sm:items-center"
      data-testid="invitation-row"
    >
      <div className="min-w-0 flex-1">
        <p className="break-all font-medium">{invitation.email}</p>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {roleLabels[invitation.role]} · {when}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <Badge tone={statusTones[invitation.status]}>{invitation.status}</Badge>
        {invitation.status === "pending" && (
          <Button
            variant="secondary"
            busy={revoke.isPending}
            onClick={() => revoke.mutate()}
            aria-label={`Revoke invitation for ${invitation.email}`}
          >
            Revoke
          </Button>
        )}
      </div>
      {revoke.error ? (
        <div className="sm:basis-full">
          <ErrorMessage error={revoke.error} title="The invitation could not be revoked" />
        </div>
      ) : null}
    </li>
  );
}
