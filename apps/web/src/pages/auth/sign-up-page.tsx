import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { useAuth } from "../../auth/auth-context";
import { Button } from "../../ui/button";
import { ErrorMessage } from "../../ui/feedback";
import { AccountFields, type AccountInput, emptyAccount } from "./account-fields";
import { AuthLayout } from "./auth-layout";
import { landingPathFor } from "./landing-path";
import { SetupNotice } from "./setup-notice";

export function SignUpPage() {
  const { redirect } = useSearch({ from: "/sign-up" });
  const { signUp } = useAuth();
  const navigate = useNavigate();
  const [form, setForm] = useState<AccountInput>(emptyAccount);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await signUp(form);
      await navigate({ to: redirect ?? landingPathFor(user) });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Create your account">
      <SetupNotice />
      <form onSubmit={submit} className="space-y-4" noValidate>
        <AccountFields value={form} onChange={setForm} errors={fieldErrors} />
        <ErrorMessage error={error} title="The account could not be created" />
        <Button type="submit" busy={busy} className="w-full">
          Create account
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600 dark:text-slate-300">
        Already have an account?{" "}
        <Link
          to="/sign-in"
          search={redirect ? { redirect } : {}}
          className="font-medium text-blue-700 underline dark:text-blue-300"
        >
          Sign in
        </Link>
      </p>
    </AuthLayout>
  );
}
