/** An error answered by the API (its envelope), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | undefined = undefined,
    readonly requestId: string | undefined = undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** What the user can do about it, where the status says more than the message. */
  get hint(): string | null {
    if (this.status === 0) return "Check your connection and that the server is running, then try again.";
    if (this.status === 401) return "Sign in again to continue.";
    if (this.status === 403) return "Ask an owner or admin of this space for access.";
    if (this.status === 413) return "Choose a smaller file, or ask an admin to raise the limit.";
    if (this.status === 429) return "Too many requests: wait a moment, then try again.";
    if (this.status === 507)
      return "The storage quota is full: delete documents or ask an admin for more space.";
    if (this.status >= 500)
      return "Something failed on the server. Try again; if it persists, give an admin the request id.";
    return null;
  }

  /** Field-level messages from a VALIDATION_ERROR, keyed by dotted path. */
  get fieldErrors(): Record<string, string> {
    const issues = (this.details?.issues ?? []) as Array<{ path?: unknown[]; message?: string }>;
    const out: Record<string, string> = {};
    for (const issue of issues) {
      const key = (issue.path ?? []).join(".");
      if (issue.message && !out[key]) out[key] = issue.message;
    }
    return out;
  }
}

export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  try {
    const body = (await response.json()) as {
      error?: {
        code?: string;
        message?: string;
        details?: Record<string, unknown>;
        request_id?: string;
        type?: string;
      };
    };
    const error = body.error;
    if (error?.message) {
      return new ApiError(
        response.status,
        error.code ?? error.type ?? `HTTP_${response.status}`,
        error.message,
        error.details,
        error.request_id ?? requestId,
      );
    }
  } catch {
    // Not JSON: fall through to the status line.
  }
  return new ApiError(
    response.status,
    `HTTP_${response.status}`,
    response.statusText || "Request failed",
    undefined,
    requestId,
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
