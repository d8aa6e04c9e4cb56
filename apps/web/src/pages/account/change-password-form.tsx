import { useMutation } from "@tanstack/react-query";
import type { ChangePasswordRequest, TokenResponse } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { Button } from "../../ui/button";
import { ErrorMessage, Notice } from "../../ui/feedback";
import { InputField } from "../../ui/field";

const emptyForm = { current: "", next: "", repeat: "" };

/**
 * Changes the password with the current one. The server signs out every login and answers with
 * tokens for a new one, which replace this browser's session so the user stays signed in here.
 */
export function ChangePasswordForm() {
  const [form, setForm] = useState(emptyForm);
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post<TokenResponse>("/api/v1/users/me/password", body),
    onSuccess: (tokens) => {
      api.session.setFromTokens(tokens);
      setForm(emptyForm);
    },
  });
  const fieldErrors = change.error instanceof ApiError ? change.error.fieldErrors : {};

  function update(field: keyof typeof emptyForm, value: string) {
    change.reset();
    setMismatch(false);
    setForm((previous) => ({ ...previous, [field]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // Checked here, not by the API: the repeat only guards against a typo the user cannot see.
    if (form.next !== form.repeat) {
      setMismatch(true);
      return;
    }
    change.mutate({ current_password: form.current, new_password: form.next });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="change-password-form">
      <InputField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={form.current}
        onChange={(e) => update("current", e.target.value)}
        error={fieldErrors.current_password}
      />
      <InputField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters with an upper-case letter, a lower-case letter and a digit."
        value={form.next}
        onChange={(e) => update("next", e.target.value)}
        error={fieldErrors.new_password}
      />
      <InputField
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        value={form.repeat}
        onChange={(e) => update("repeat", e.target.value)}
        error={mismatch ? "The two new passwords differ: type the same password twice." : undefined}
      />
      <ErrorMessage error={change.error} title="The password was not changed" />
      {change.isSuccess && (
        <Notice tone="success">
          <span data-testid="password-changed">
            Your password was changed. Every other browser and device was signed out; you stay signed in here.
          </span>
        </Notice>
      )}
      <Button type="submit" busy={change.isPending} data-testid="change-password-submit">
        {change.isPending ? "Changing the password…" : "Change password"}
      </Button>
    </form>
  );
}
