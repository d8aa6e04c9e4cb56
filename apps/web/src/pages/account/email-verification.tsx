import { Link } from "@tanstack/react-router";
import type { User } from "@tributary/contracts";
import { useAuth } from "../../auth/auth-context";
import { ErrorMessage, Notice, Spinner } from "../../ui/feedback";
import { landingPathFor } from "../auth/landing-path";
import { buttonLinkClass } from "./account-links";
import { isBadLinkError } from "./email-link-errors";
import { ResendVerification } from "./resend-verification";
import { useVerifyEmail } from "./use-verify-email";

/** The verification link's page: verifies on load, then says what happened and where to go next. */
export function VerifyEmailLink({ token }: { token: string }) {
  const { user } = useAuth();
  const verify = useVerifyEmail(token);
  if (verify.isPending) return <Spinner label="Verifying your email address" />;
  if (verify.isSuccess) {
    return (
      <div className="space-y-4" data-testid="email-verified">
        <Notice tone="success">Your email address is verified. Thank you!</Notice>
        <NextStep user={user} />
      </div>
    );
  }
  return (
    <div className="space-y-4" data-testid="email-verification-failed">
      <ErrorMessage error={verify.error} title="The email address could not be verified" />
      {isBadLinkError(verify.error) && <AfterBadLink user={user} />}
      {!isBadLinkError(verify.error) && <NextStep user={user} />}
    </div>
  );
}

/** `/verify-email` without a token: where the user's verification stands, and a new link if needed. */
export function VerificationStatus() {
  const { user } = useAuth();
  if (!user) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700 dark:text-slate-200">
          Open the link in the verification email we sent you. To get a new link, sign in first.
        </p>
        <SignInForNewLink />
      </div>
    );
  }
  if (user.email_verified) {
    return (
      <div className="space-y-4" data-testid="email-already-verified">
        <Notice tone="success">
          Your email address <strong className="break-all">{user.email}</strong> is verified.
        </Notice>
        <NextStep user={user} />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Open the link in the email we sent to <strong className="break-all">{user.email}</strong>. Lost it, or
        did it expire? Ask for a new one.
      </p>
      <ResendVerification email={user.email} />
      <NextStep user={user} tone="secondary" />
    </div>
  );
}

/** The link was unknown, used or expired: already verified, or a new link (signing in first). */
function AfterBadLink({ user }: { user: User | null }) {
  if (!user) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-700 dark:text-slate-200">
          Links work once and for 24 hours. If you used this one already, your address is verified: just sign
          in. Otherwise sign in and ask for a new link.
        </p>
        <SignInForNewLink />
      </div>
    );
  }
  if (user.email_verified) {
    return (
      <div className="space-y-3">
        <Notice tone="success">
          Your address <strong className="break-all">{user.email}</strong> is verified already: nothing more
          to do.
        </Notice>
        <NextStep user={user} />
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Links work once and for 24 hours. Ask for a new one, sent to{" "}
        <strong className="break-all">{user.email}</strong>.
      </p>
      <ResendVerification email={user.email} />
      <NextStep user={user} tone="secondary" />
    </div>
  );
}

function NextStep({ user, tone = "primary" }: { user: User | null; tone?: "primary" | "secondary" }) {
  if (!user) {
    return (
      <Link to="/sign-in" search={{}} data-testid="verify-continue" className={buttonLinkClass(tone)}>
        Sign in
      </Link>
    );
  }
  return (
    <Link to={landingPathFor(user)} data-testid="verify-continue" className={buttonLinkClass(tone)}>
      Continue to Tributary
    </Link>
  );
}

function SignInForNewLink() {
  return (
    <Link
      to="/sign-in"
      search={{ redirect: "/verify-email" }}
      data-testid="verify-sign-in"
      className={buttonLinkClass("primary")}
    >
      Sign in
    </Link>
  );
}
