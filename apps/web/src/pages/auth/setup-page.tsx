import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useAuth } from "../../auth/auth-context";
import { Button } from "../../ui/button";
import { ErrorMessage, Spinner } from "../../ui/feedback";
import { AuthLayout } from "./auth-layout";
import { landingPathFor } from "./landing-path";
import { SetupAccountForm } from "./setup-account-form";
import { SetupProviderForm } from "./setup-provider-form";
import { SetupSteps } from "./setup-steps";
import { useInstance } from "./use-instance";

type Stage = "account" | "provider";

/**
 * First-run setup of a fresh instance: name it and create the first account (which becomes the
 * platform admin), then optionally connect a model provider, then land in the personal space.
 */
export function SetupPage() {
  const instance = useInstance();
  const { user } = useAuth();
  const navigate = useNavigate();
  // The stage is the page's own: once the account exists the instance no longer "needs setup",
  // and the wizard must still go on to its next step.
  const [stage, setStage] = useState<Stage>("account");
  const finish = () => {
    if (user) void navigate({ to: landingPathFor(user) });
  };

  if (stage === "provider") {
    return (
      <AuthLayout title="Connect a model provider" wide>
        <SetupSteps current={2} />
        <SetupProviderForm onDone={finish} />
      </AuthLayout>
    );
  }
  if (instance.isPending) {
    return (
      <AuthLayout title="Set up Tributary">
        <Spinner label="Checking this instance" />
      </AuthLayout>
    );
  }
  if (instance.error) {
    return (
      <AuthLayout title="Set up Tributary">
        <div className="space-y-4">
          <ErrorMessage error={instance.error} title="The instance could not be reached" />
          <Button variant="secondary" className="w-full" onClick={() => void instance.refetch()}>
            Try again
          </Button>
        </div>
      </AuthLayout>
    );
  }
  if (!instance.data.needs_setup) return <AlreadySetUp />;
  return (
    <AuthLayout title="Set up Tributary" wide>
      <SetupSteps current={1} />
      <SetupAccountForm defaultName={instance.data.name} onDone={() => setStage("provider")} />
    </AuthLayout>
  );
}

function AlreadySetUp() {
  return (
    <AuthLayout title="Already set up">
      <div className="space-y-4" data-testid="setup-done">
        <p className="text-sm text-slate-700 dark:text-slate-200">
          This instance already has an administrator. Sign in, or ask an administrator to invite you.
        </p>
        <Link
          to="/sign-in"
          search={{}}
          className="block rounded-md bg-blue-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-blue-700"
        >
          Go to sign in
        </Link>
      </div>
    </AuthLayout>
  );
}
