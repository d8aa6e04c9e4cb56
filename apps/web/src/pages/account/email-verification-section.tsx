import type { User } from "@tributary/contracts";
import { SettingsSection } from "../spaces/settings-section";
import { ResendVerification } from "./resend-verification";

/** Shown while the address is unverified: some actions (accepting invitations) need it verified. */
export function EmailVerificationSection({ user }: { user: User }) {
  if (user.email_verified) return null;
  return (
    <SettingsSection
      id="profile-verification"
      title="Verify your email address"
      description={
        <>
          We sent a link to <strong className="break-all">{user.email}</strong> when you signed up. Until you
          open it, you cannot accept invitations to spaces.
        </>
      }
    >
      <ResendVerification email={user.email} />
    </SettingsSection>
  );
}
