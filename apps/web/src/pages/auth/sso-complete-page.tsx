import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useAuth } from "../../auth/auth-context";
import { ErrorMessage, Spinner } from "../../ui/feedback";
import { AuthLayout } from "./auth-layout";
import { landingPathFor } from "./landing-path";

/**
 * Where an SSO sign-in ends: the server put our tokens in the URL fragment (which never reaches a
 * server or its logs). Stores them, wipes them from the address bar and history, then moves on.
 */
export function SsoCompletePage() {
  const { redirect } = useSearch({ from: "/auth/complete" });
  const { signInWithFragment } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  // The fragment is read once: StrictMode runs effects twice, and the first run clears it.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const fragment = window.location.hash;
    // Tokens must not linger in the address bar, the history or a bookmark, even if sign-in fails.
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    signInWithFragment(fragment)
      .then((user) => navigate({ to: redirect ?? landingPathFor(user), replace: true }))
      .catch(setError);
  }, [signInWithFragment, navigate, redirect]);

  return (
    <AuthLayout title={error ? "Sign-in failed" : "Signing you in"}>
      {error ? (
        <div className="space-y-4">
          <ErrorMessage error={error} title="Single sign-on could not be completed" />
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Start again from the sign-in page; if it keeps failing, ask an administrator to check the identity
            provider's settings.
          </p>
          <Link
            to="/sign-in"
            search={redirect ? { redirect } : {}}
            className="block rounded-md bg-blue-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-blue-700"
          >
            Back to sign in
          </Link>
        </div>
      ) : (
        <Spinner label="Completing single sign-on" />
      )}
    </AuthLayout>
  );
}
