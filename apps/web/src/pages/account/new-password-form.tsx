import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { useAuth } from "../../auth/auth-context";
import { Button } from "../../ui/button";
import { ErrorMessage, Notice } from "../../ui/feedback";
import { InputField } from "../../ui/field";
import { buttonLinkClass } from "./account-links";
import { isBadLinkError } from "./email-link-errors";

export const passwordRules =
  "At least 8 characters, with an upper-case letter, a lower-case letter and a digit.";

/**
 * Chooses a new password with the token of a reset link. The reset signs the account out
 * everywhere, this browser included, so the next step is signing in with the new password.
 */
export function NewPasswordForm({ token }: { token: string }) {
  const { user, signOut } = useAuth();
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const confirm = useMutation({
    mutationFn: async () => {
      await api.post("/api/v1/auth/password-reset/confirm", { token, password }, { anonymous: true });
      // The server revoked every session; drop this browser's now-dead one too.
      if (user) await signOut();
    },
  });
  const fieldErrors = confirm.error instanceof ApiError ? confirm.error.fieldErrors : {};
  const badLink = isBadLinkError(confirm.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const differ = password !== repeated;
    setMismatch(differ);
    if (!differ) confirm.mutate();
  }

  if (confirm.isSuccess) {
    return (
      <div className="space-y-4" data-testid="password-reset-done">
        <Notice tone="success">
          Your password is changed, and every session of your account is signed out. Sign in with the new
          password.
        </Notice>
        <Link to="/sign-in" search={{}} className={buttonLinkClass("primary")}>
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="new-password-form">
      <InputField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        hint={passwordRules}
        error={fieldErrors.password}
      />
      <InputField
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        value={repeated}
        onChange={(e) => {
          setMismatch(false);
          setRepeated(e.target.value);
        }}
        error={mismatch ? "The two passwords differ: type the same password twice." : undefined}
      />
      <ErrorMessage error={confirm.error} title="The password could not be changed" />
      {badLink && (
        <Link
          to="/reset-password"
          search={{}}
          data-testid="request-new-reset-link"
          className={buttonLinkClass("secondary")}
        >
          Ask for a new reset link
        </Link>
      )}
      <Button type="submit" busy={confirm.isPending} className="w-full" data-testid="reset-password-submit">
        {confirm.isPending ? "Changing the password…" : "Set new password"}
      </Button>
    </form>
  );
}
