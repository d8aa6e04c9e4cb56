import { ApiError } from "../../api/api-error";
import { ErrorMessage } from "../../ui/feedback";

/**
 * A failed search. A 503 means search is switched off on this instance (no vector store): that is
 * said as it is, with the API's own explanation, not as a server fault to retry.
 */
export function SearchError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 503) {
    return (
      <div
        role="alert"
        data-testid="search-unavailable"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
      >
        <p className="font-medium">Search is not available on this instance</p>
        <p>{error.message}</p>
        {error.requestId && <p className="mt-1 text-xs opacity-80">Request id: {error.requestId}</p>}
      </div>
    );
  }
  return <ErrorMessage error={error} title="The search failed" />;
}
