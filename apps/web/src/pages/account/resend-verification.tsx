import { useMutation } from "@tanstack/react-query";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { useAuth } from "../../auth/auth-context";
import { Button } from "../../ui/button";
import { ErrorMessage, Notice } from "../../ui/feedback";
import { isEmailUnavailable } from "./email-link-errors";

/** Mails the signed-in user a fresh verification link (the first one lost, used or expired). */
export function ResendVerification({ email }: { email: string }) {
  const { refreshUser } = useAuth();
  const resend = useMutation({
    mutationFn: () => api.post("/api/v1/auth/verify-email/resend"),
    onError: (error) => {
      // Verified meanwhile (say, in another tab): the page should stop offering this.
      if (error instanceof ApiError && error.code === "CONFLICT") void refreshUser().catch(() => undefined);
    },
  });
  return (
    <div className="space-y-3">
      {resend.isSuccess ? (
        <Notice tone="success">
          A new verification link is on its way to <strong className="break-all">{email}</strong>. It works
          once, within 24 hours; earlier links still work until they expire.
        </Notice>
      ) : null}
      <ErrorMessage error={resend.error} title="The verification email could not be sent" />
      {isEmailUnavailable(resend.error) && (
        <p className="text-sm text-slate-700 dark:text-slate-200">
          This server has no email configured, so it cannot send the link. Ask the administrator of this
          Tributary instance for help.
        </p>
      )}
      <Button
        variant="secondary"
        busy={resend.isPending}
        onClick={() => resend.mutate()}
        data-testid="resend-verification"
      >
        {resend.isPending
          ? "Sending…"
          : resend.isSuccess
            ? "Send another link"
            : "Send a new verification link"}
      </Button>
    </div>
  );
}
