import { Link } from "@tanstack/react-router";
import { SettingsSection } from "../spaces/settings-section";
import { textLinkClass } from "./account-links";

/**
 * The API has no "change password" call (only reset by email), so the way to a new password is a
 * reset link mailed to the account's address.
 */
export function PasswordSection() {
  return (
    <SettingsSection id="profile-password" title="Password">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        To change your password, we email you a link to choose a new one. Choosing it signs you out
        everywhere, this browser included. If you sign in through your organization's single sign-on, your
        password is managed there instead.
      </p>
      <p className="text-sm">
        <Link to="/reset-password" search={{}} className={textLinkClass} data-testid="profile-reset-password">
          Change your password by email
        </Link>
      </p>
    </SettingsSection>
  );
}
