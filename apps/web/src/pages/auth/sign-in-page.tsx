import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useAuth } from "../../auth/auth-context";
import { Button } from "../../ui/button";
import { ErrorMessage } from "../../ui/feedback";
import { InputField } from "../../ui/field";
import { AuthLayout } from "./auth-layout";
import { landingPathFor } from "./landing-path";
import { SetupNotice } from "./setup-notice";
import { useInstance } from "./use-instance";

export function SignInPage() {
  const { redirect } = useSearch({ from: "/sign-in" });
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The instance answers its SSO providers too: one request for the whole page.
  const providers = useInstance().data?.oidc_providers ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(email, password);
      await navigate({ to: redirect ?? landingPathFor(user) });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const completePath = `/auth/complete${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ""}`;
  return (
    <AuthLayout title="Sign in">
      <SetupNotice />
      <form onSubmit={submit} className="space-y-4" noValidate>
        <InputField
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <InputField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorMessage error={error} title="Sign-in failed" />
        <Button type="submit" busy={busy} className="w-full">
          Sign in
        </Button>
        <p className="text-center text-sm">
          <Link
            to="/reset-password"
            search={{}}
            className="font-medium text-blue-700 underline dark:text-blue-300"
            data-testid="forgot-password"
          >
            Forgot your password?
          </Link>
        </p>
      </form>
      {providers.length > 0 && (
        <div className="mt-6 space-y-2">
          <p className="text-center text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
            or continue with
          </p>
          {providers.map((provider) => (
            <a
              key={provider.name}
              href={`${provider.start_url}?redirect_to=${encodeURIComponent(completePath)}`}
              className="block rounded-md border border-slate-300 px-3 py-2 text-center text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              {provider.display_name}
            </a>
          ))}
        </div>
      )}
      <p className="mt-6 text-center text-sm text-slate-600 dark:text-slate-300">
        New here?{" "}
        <Link
          to="/sign-up"
          search={redirect ? { redirect } : {}}
          className="font-medium text-blue-700 underline dark:text-blue-300"
        >
          Create an account
        </Link>
      </p>
    </AuthLayout>
  );
}
