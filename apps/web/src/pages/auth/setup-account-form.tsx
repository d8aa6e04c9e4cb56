import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { AdminInstance, Instance } from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { useAuth } from "../../auth/auth-context";
import { Button } from "../../ui/button";
import { ErrorMessage, Notice } from "../../ui/feedback";
import { InputField } from "../../ui/field";
import { AccountFields, type AccountInput, emptyAccount } from "./account-fields";
import { landingPathFor } from "./landing-path";
import { instanceQueryKey } from "./use-instance";

const fieldset = "space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-700";
const legend = "px-1 text-sm font-semibold text-slate-900 dark:text-slate-100";

/**
 * Step 1: the instance's name and the first account. Registering comes first (the first account
 * becomes platform admin), then the name is saved as that admin. If saving the name fails, a retry
 * only saves the name: the account already exists and is signed in.
 */
export function SetupAccountForm({ defaultName, onDone }: { defaultName: string; onDone: () => void }) {
  const { signUp } = useAuth();
  const queryClient = useQueryClient();
  const [name, setName] = useState(defaultName);
  const [account, setAccount] = useState<AccountInput>(emptyAccount);
  const [accountCreated, setAccountCreated] = useState(false);
  const [notFirst, setNotFirst] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<{ cause: unknown; during: "account" | "name" } | null>(null);
  const accountErrors =
    error?.during === "account" && error.cause instanceof ApiError ? error.cause.fieldErrors : {};
  const nameError =
    error?.during === "name" && error.cause instanceof ApiError ? error.cause.fieldErrors.name : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!accountCreated) {
      setProgress("Creating the administrator account…");
      try {
        const user = await signUp(account);
        setAccountCreated(true);
        if (user.platform_role !== "admin") {
          // Someone else registered first in the meantime: this account is an ordinary one.
          setProgress(null);
          setNotFirst(true);
          return;
        }
      } catch (caught) {
        setProgress(null);
        setError({ cause: caught, during: "account" });
        return;
      }
    }
    setProgress("Saving the instance name…");
    try {
      const saved = await api.patch<AdminInstance>("/api/v1/admin/instance", { name });
      queryClient.setQueryData<Instance>(instanceQueryKey, (current) =>
        current ? { ...current, name: saved.name, needs_setup: false } : current,
      );
      onDone();
    } catch (caught) {
      setError({ cause: caught, during: "name" });
    } finally {
      setProgress(null);
    }
  }

  if (notFirst) return <NotFirstAccount />;
  return (
    <form onSubmit={submit} className="space-y-5" noValidate data-testid="setup-form">
      <fieldset className={fieldset}>
        <legend className={legend}>Instance</legend>
        <InputField
          label="Instance name"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          hint="Shown on the sign-in page, for example your team's or company's name."
          error={nameError}
        />
      </fieldset>
      <fieldset className={fieldset} disabled={accountCreated}>
        <legend className={legend}>Administrator account</legend>
        {accountCreated ? (
          <p className="text-sm text-slate-700 dark:text-slate-200">
            The account for <strong className="break-all">{account.email}</strong> is created and signed in.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              The first account administers the instance: providers, users and quotas.
            </p>
            <AccountFields value={account} onChange={setAccount} errors={accountErrors} />
          </>
        )}
      </fieldset>
      <ErrorMessage
        error={error?.cause}
        title={
          error?.during === "name"
            ? "The instance name could not be saved"
            : "The account could not be created"
        }
      />
      <p role="status" className="sr-only">
        {progress ?? ""}
      </p>
      <Button type="submit" busy={progress !== null} className="w-full" data-testid="setup-submit">
        {progress ?? (accountCreated ? "Save the name and continue" : "Create administrator and continue")}
      </Button>
    </form>
  );
}

function NotFirstAccount() {
  const { user } = useAuth();
  return (
    <div className="space-y-4">
      <Notice tone="warning">
        Another account was registered first, so yours is an ordinary account and setup is that
        administrator's to finish. Your account works: continue to your space.
      </Notice>
      {user && (
        <Link
          to={landingPathFor(user)}
          className="block rounded-md bg-blue-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-blue-700"
        >
          Continue to your space
        </Link>
      )}
    </div>
  );
}
