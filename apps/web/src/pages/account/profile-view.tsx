import type { User } from "@tributary/contracts";
import { ErrorMessage, PageHeader } from "../../ui/feedback";
import { AccountDetails } from "./account-details";
import { EmailVerificationSection } from "./email-verification-section";
import { NameForm } from "./name-form";
import { PasswordSection } from "./password-section";
import { SignOutSection } from "./sign-out-section";

/** The signed-in user's own account: details, name, verification, password and signing out. */
export function ProfileView({
  user,
  refreshError,
  signingOut,
  onSignOut,
}: {
  user: User;
  /** Re-reading the account failed: what is shown dates from sign-in. */
  refreshError: unknown;
  signingOut: boolean;
  onSignOut: () => void;
}) {
  return (
    <>
      <PageHeader title="Your profile" description={`${user.full_name} · ${user.email}`} />
      <div className="space-y-6">
        {refreshError ? (
          <ErrorMessage
            error={refreshError}
            title="Your account could not be reloaded: what you see may be out of date"
          />
        ) : null}
        <AccountDetails user={user} />
        <EmailVerificationSection user={user} />
        {/* Keyed by id: another account signing in on this tab starts the form afresh. */}
        <NameForm key={user.id} user={user} />
        <PasswordSection />
        <SignOutSection busy={signingOut} onSignOut={onSignOut} />
      </div>
    </>
  );
}
