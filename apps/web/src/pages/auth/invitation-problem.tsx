import { Link, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ApiError } from "../../api/api-error";
import { useAuth } from "../../auth/auth-context";
import { ErrorMessage } from "../../ui/feedback";

/** Reasons that end an invitation for good: the page then offers no way to accept it. */
export function isInvitationClosed(error: unknown): boolean {
  const reason = error instanceof ApiError ? error.details?.reason : undefined;
  return (
    reason === "invitation_used" ||
    reason === "invitation_revoked" ||
    reason === "invitation_expired" ||
    reason === "invitation_not_found"
  );
}

/** Why accepting (or opening) an invitation failed, with the one thing the user can do about it. */
export function InvitationProblem({
  error,
  title = "The invitation could not be accepted",
}: {
  error: unknown;
  title?: string;
}) {
  if (!error) return null;
  const reason = error instanceof ApiError ? String(error.details?.reason ?? "") : "";
  return (
    <div className="space-y-2">
      <ErrorMessage error={error} title={title} />
      <NextStep reason={reason} />
    </div>
  );
}

function NextStep({ reason }: { reason: string }) {
  switch (reason) {
    case "invitation_email_mismatch":
      return <SwitchAccount />;
    case "email_not_verified":
      return <Advice>Open the verification email we sent you, then come back to this link.</Advice>;
    case "already_member":
      return (
        <Advice>
          You are already in this space: find it in{" "}
          <Link to="/spaces" className="font-medium text-blue-700 underline dark:text-blue-300">
            your spaces
          </Link>
          .
        </Advice>
      );
    case "invitation_used":
    case "invitation_revoked":
    case "invitation_expired":
    case "invitation_not_found":
      return <Advice>Ask the person who invited you for a new invitation link.</Advice>;
    default:
      return null;
  }
}

function SwitchAccount() {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const here = window.location.pathname;
  return (
    <Advice>
      Sign in with the address the invitation was sent to.{" "}
      <button
        type="button"
        className="font-medium text-blue-700 underline dark:text-blue-300"
        onClick={async () => {
          await signOut();
          await navigate({ to: "/sign-in", search: { redirect: here } });
        }}
      >
        Sign out and use another account
      </button>
    </Advice>
  );
}

function Advice({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-700 dark:text-slate-200">{children}</p>;
}
