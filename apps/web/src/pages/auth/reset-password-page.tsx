import { Link, useSearch } from "@tanstack/react-router";
import { useAuth } from "../../auth/auth-context";
import { textLinkClass } from "../account/account-links";
import { NewPasswordForm } from "../account/new-password-form";
import { RequestResetForm } from "../account/request-reset-form";
import { AuthLayout } from "./auth-layout";

/**
 * `/reset-password`: without a token, asks for a reset link by email; with the token of such a
 * link (`?token=`), chooses the new password.
 */
export function ResetPasswordPage() {
  const { token } = useSearch({ from: "/reset-password" });
  // A signed-in user (from their profile) need not type their address.
  const email = useAuth().user?.email ?? "";
  return (
    <AuthLayout title={token ? "Choose a new password" : "Reset your password"}>
      {token ? <NewPasswordForm token={token} /> : <RequestResetForm defaultEmail={email} />}
      <p className="mt-6 text-center text-sm text-slate-600 dark:text-slate-300">
        Remembered it?{" "}
        <Link to="/sign-in" search={{}} className={textLinkClass}>
          Back to sign in
        </Link>
      </p>
    </AuthLayout>
  );
}
