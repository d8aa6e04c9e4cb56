import { ApiError } from "../../../api/api-error";

/**
 * With VECTOR_STORE=disabled every dataset route answers 503 with how to enable it. That is a
 * setting, not a failure, so it is shown as such, without "try again".
 */
export function isVectorStoreDisabled(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 503;
}

export function VectorStoreDisabled({ error }: { error: ApiError }) {
  return (
    <section
      data-testid="vector-store-disabled"
      aria-labelledby="vector-store-disabled-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <h2 id="vector-store-disabled-title" className="text-base font-semibold">
        Vector datasets are turned off on this instance
      </h2>
      <p className="mt-1 text-sm">{error.message}</p>
      <p className="mt-2 text-sm">
        This is a server setting: whoever runs this Tributary instance can change it.
      </p>
    </section>
  );
}
