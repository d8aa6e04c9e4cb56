import { useSearch } from "@tanstack/react-router";
import { VerificationStatus, VerifyEmailLink } from "../account/email-verification";
import { AuthLayout } from "./auth-layout";

/**
 * `/verify-email?token=`: the link of the verification email. With a token it verifies at once;
 * without one it shows where the signed-in user's verification stands.
 */
export function VerifyEmailPage() {
  const { token } = useSearch({ from: "/verify-email" });
  return (
    <AuthLayout title="Verify your email">
      {token ? <VerifyEmailLink token={token} /> : <VerificationStatus />}
    </AuthLayout>
  );
}
