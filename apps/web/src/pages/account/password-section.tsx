import { Link } from "@tanstack/react-router";
import { SettingsSection } from "../spaces/settings-section";
import { textLinkClass } from "./account-links";
import { ChangePasswordForm } from "./change-password-form";

/** Change the password with the current one, or, when it is forgotten, by a link mailed to the account. */
export function PasswordSection() {
  return (
    <SettingsSection id="profile-password" title="Password">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Changing your password signs you out on every other browser and device. If you sign in through your
        organization's single sign-on, your password is managed there instead.
      </p>
      <ChangePasswordForm />
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Forgot your current password?{" "}
        <Link to="/reset-password" search={{}} className={textLinkClass} data-testid="profile-reset-password">
          Change your password by email
        </Link>{" "}
        (this signs you out everywhere, this browser included).
      </p>
    </SettingsSection>
  );
}
