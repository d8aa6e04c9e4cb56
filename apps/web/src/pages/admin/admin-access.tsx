import { ApiError } from "../../api/api-error";
import { EmptyState, ErrorMessage } from "../../ui/feedback";

/**
 * A failed admin call: a 403 is not a fault but a boundary, so it is said plainly (with the API's
 * own words); anything else is an error to retry.
 */
export function AdminLoadError({ error, what }: { error: unknown; what: string }) {
  if (isForbidden(error)) {
    return (
      <div data-testid="admins-only">
        <EmptyState title="Admins only">
          <p>Only platform admins can see and manage {what}.</p>
          <p className="mt-1">The server said: “{error.message}”</p>
          <p className="mt-1">If you need access, ask a platform admin.</p>
        </EmptyState>
      </div>
    );
  }
  return <ErrorMessage error={error} title={`${capitalize(what)} could not be loaded`} />;
}

/** The API's 403: the caller is signed in but not a platform admin (or their key lacks `admin`). */
export function isForbidden(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 403;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
