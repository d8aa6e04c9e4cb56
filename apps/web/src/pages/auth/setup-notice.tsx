import { Link } from "@tanstack/react-router";
import { Notice } from "../../ui/feedback";
import { useInstance } from "./use-instance";

/** On a fresh instance nobody can sign in yet: sends the visitor to first-run setup instead. */
export function SetupNotice() {
  const instance = useInstance();
  if (!instance.data?.needs_setup) return null;
  return (
    <div className="mb-4">
      <Notice tone="warning">
        <p className="font-medium">This instance has no accounts yet.</p>
        <p className="mt-1">
          Set it up first: name it and create the administrator account.{" "}
          <Link to="/setup" data-testid="setup-link" className="font-medium underline">
            Set up Tributary
          </Link>
        </p>
      </Notice>
    </div>
  );
}
