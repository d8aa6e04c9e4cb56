import { useQuery } from "@tanstack/react-query";
import type { InvitationPreview } from "@tributary/contracts";
import { api } from "../../api/client";

/** The public preview of an invitation link; used, revoked and expired links answer an error with a reason. */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: () =>
      api.get<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`, { anonymous: true }),
    // A 404/409/422 here is the answer, not a hiccup: retrying only delays the message.
    retry: false,
  });
}
