import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { Button } from "../../ui/button";
import { ErrorMessage, Notice } from "../../ui/feedback";
import { InputField } from "../../ui/field";
import { isEmailUnavailable } from "./email-link-errors";

/**
 * Asks for a reset link by email. The API accepts every address alike (it never says whether an
 * account exists), so the confirmation says "if an account exists" too.
 */
export function RequestResetForm({ defaultEmail = "" }: { defaultEmail?: string }) {
  const [email, setEmail] = useState(defaultEmail);
  const request = useMutation({
    mutationFn: (address: string) =>
      api.post("/api/v1/auth/password-reset", { email: address }, { anonymous: true }),
  });
  const fieldErrors = request.error instanceof ApiError ? request.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(email.trim());
  }

  if (request.isSuccess) {
    return (
      <div className="space-y-3" data-testid="reset-requested">
        <Notice tone="success">
          If an account exists for <strong className="break-all">{request.variables}</strong>, we sent it a
          link to choose a new password. The link works once, within one hour.
        </Notice>
        <p className="text-sm text-slate-700 dark:text-slate-200">
          Nothing after a few minutes? Check your spam folder and the address you typed, then{" "}
          <button
            type="button"
            className="font-medium text-blue-700 underline dark:text-blue-300"
            onClick={() => request.reset()}
          >
            ask for another link
          </button>
          .
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="request-reset-form">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Enter the email address of your account, and we will send you a link to choose a new password.
      </p>
      <InputField
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => {
          request.reset();
          setEmail(e.target.value);
        }}
        error={fieldErrors.email}
      />
      <ErrorMessage error={request.error} title="The reset link could not be sent" />
      {isEmailUnavailable(request.error) && (
        <p className="text-sm text-slate-700 dark:text-slate-200">
          This server cannot send email, so passwords cannot be reset by email here. Ask the administrator of
          this Tributary instance for help.
        </p>
      )}
      <Button type="submit" busy={request.isPending} className="w-full" data-testid="request-reset-submit">
        {request.isPending ? "Sending the link…" : "Send reset link"}
      </Button>
    </form>
  );
}
