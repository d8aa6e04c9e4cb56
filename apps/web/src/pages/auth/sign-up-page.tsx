import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { useAuth } from "../../auth/auth-context";
import { Button } from "../../ui/button";
import { ErrorMessage } from "../../ui/feedback";
import { InputField } from "../../ui/field";
import { AuthLayout } from "./auth-layout";
import { landingPathFor } from "./landing-path";
import { SetupNotice } from "./setup-notice";

export function SignUpPage() {
  const { redirect } = useSearch({ from: "/sign-up" });
  const { signUp } = useAuth();
  const navigate = useNavigate();
  const [form, setForm] = useState({ first_name: "", last_name: "", email: "", password: "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));

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
        <div className="grid grid-cols-2 gap-3">
          <InputField
            label="First name"
            autoComplete="given-name"
            required
            value={form.first_name}
            onChange={set("first_name")}
            error={fieldErrors.first_name}
          />
          <InputField
            label="Last name"
            autoComplete="family-name"
            required
            value={form.last_name}
            onChange={set("last_name")}
            error={fieldErrors.last_name}
          />
        </div>
        <InputField
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={set("email")}
          error={fieldErrors.email}
        />
        <InputField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          value={form.password}
          onChange={set("password")}
          hint="At least 8 characters, with an upper-case letter, a lower-case letter and a digit."
          error={fieldErrors.password}
        />
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
