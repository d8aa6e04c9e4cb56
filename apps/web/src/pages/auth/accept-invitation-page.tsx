import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import type { Space } from "@tributary/contracts";
import { api } from "../../api/client";
import { useAuth } from "../../auth/auth-context";
import { spacesQueryKey } from "../../layout/use-space";
import { Button } from "../../ui/button";
import { Spinner } from "../../ui/feedback";
import { AuthLayout } from "./auth-layout";
import { InvitationProblem, isInvitationClosed } from "./invitation-problem";
import { InvitationSummary } from "./invitation-summary";
import { useInvitationPreview } from "./use-invitation-preview";

const linkButton =
  "block rounded-md px-3 py-2 text-center text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2";

/**
 * An invitation link (`/invitations/<token>`). The public preview says which space, role and inviter
 * the link is for; a used, revoked or expired link says so and offers no accept button.
 */
export function AcceptInvitationPage() {
  const { token } = useParams({ from: "/invitations/$token" });
  const { user } = useAuth();
  const preview = useInvitationPreview(token);
  const here = `/invitations/${encodeURIComponent(token)}`;
  if (preview.isPending) {
    return (
      <AuthLayout title="You're invited">
        <Spinner label="Loading the invitation" />
      </AuthLayout>
    );
  }
  if (preview.error && isInvitationClosed(preview.error)) {
    return (
      <AuthLayout title="This invitation can't be used">
        <div data-testid="invitation-closed">
          <InvitationProblem error={preview.error} title="This invitation link no longer works" />
        </div>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="You're invited">
      {preview.data ? (
        <InvitationSummary preview={preview.data} />
      ) : (
        // The preview failed for another reason (network, server): accepting may still work.
        <div className="mb-4">
          <InvitationProblem error={preview.error} title="The invitation details could not be loaded" />
        </div>
      )}
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-200">
        Members of a space share its documents, notebooks and conversations on Tributary.
      </p>
      {user ? <AcceptAsUser token={token} email={user.email} /> : <SignInFirst redirect={here} />}
    </AuthLayout>
  );
}

function SignInFirst({ redirect }: { redirect: string }) {
  return (
    <div className="space-y-3" data-testid="invitation-sign-in">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Sign in, or create an account, with the email address the invitation was sent to. You will come back
        here to accept it.
      </p>
      <Link
        to="/sign-in"
        search={{ redirect }}
        className={`${linkButton} bg-blue-600 text-white hover:bg-blue-700`}
      >
        Sign in to accept
      </Link>
      <Link
        to="/sign-up"
        search={{ redirect }}
        className={`${linkButton} border border-slate-300 text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800`}
      >
        Create an account
      </Link>
    </div>
  );
}

function AcceptAsUser({ token, email }: { token: string; email: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accept = useMutation({
    mutationFn: () => api.post<Space>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`),
    onSuccess: async (space) => {
      await queryClient.invalidateQueries({ queryKey: spacesQueryKey });
      await navigate({ to: "/s/$spaceId/knowledge", params: { spaceId: space.id }, search: {} });
    },
  });
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        You are signed in as <strong className="break-all">{email}</strong>. The invitation must have been
        sent to this address.
      </p>
      <InvitationProblem error={accept.error} />
      <Button
        className="w-full"
        busy={accept.isPending}
        onClick={() => accept.mutate()}
        data-testid="accept-invitation"
      >
        {accept.isPending ? "Joining the space…" : "Accept invitation"}
      </Button>
    </div>
  );
}
