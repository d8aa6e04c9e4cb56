import type { TokenResponse } from "@tributary/contracts";
import { ApiError, apiErrorFrom } from "./api-error";
import { type Session, SessionStore } from "./session";

export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

export interface RequestOptions {
  readonly body?: unknown;
  readonly query?: Record<string, QueryValue>;
  /** Sent as X-Space-ID: the space the call acts in. */
  readonly space?: string;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
  /** Skip the bearer token (sign-in, sign-up, public endpoints). */
  readonly anonymous?: boolean;
}

export interface UploadOptions {
  readonly space: string;
  readonly onProgress?: (loaded: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/** Refreshes this long before expiry, so a request never leaves with a token about to lapse. */
const refreshMarginMs = 30_000;

/**
 * The one way the web app talks to the API: adds the bearer token and X-Space-ID, refreshes the
 * session before it lapses (once, even with many requests in flight, and once across tabs), and
 * turns every failure into an ApiError carrying the API's own message.
 */
export class ApiClient {
  private refreshing: Promise<Session | null> | null = null;

  constructor(
    readonly session: SessionStore = new SessionStore(),
    private readonly baseUrl = "",
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  get<T>(path: string, options: RequestOptions = {}) {
    return this.json<T>("GET", path, options);
  }
  post<T>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.json<T>("POST", path, { ...options, body });
  }
  patch<T>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.json<T>("PATCH", path, { ...options, body });
  }
  put<T>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.json<T>("PUT", path, { ...options, body });
  }
  delete<T = void>(path: string, options: RequestOptions = {}) {
    return this.json<T>("DELETE", path, options);
  }

  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A raw response that succeeded (2xx), for streams (SSE) and headers the caller reads itself. */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const attempt = async (session: Session | null) => {
      const headers: Record<string, string> = { accept: "application/json", ...options.headers };
      if (options.body !== undefined) headers["content-type"] = "application/json";
      if (options.space) headers["x-space-id"] = options.space;
      if (session && !options.anonymous) headers.authorization = `Bearer ${session.accessToken}`;
      try {
        return await this.fetchImpl(this.url(path, options.query), {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: options.signal,
        });
      } catch (error) {
        if ((error as Error).name === "AbortError") throw error;
        throw new ApiError(0, "NETWORK_ERROR", "The server could not be reached");
      }
    };
    let session = options.anonymous ? null : await this.freshSession();
    let response = await attempt(session);
    if (response.status === 401 && session && !options.anonymous) {
      session = await this.refresh(session);
      if (session) response = await attempt(session);
    }
    if (!response.ok) throw await apiErrorFrom(response);
    return response;
  }

  /** Uploads a multipart form with progress (fetch cannot report upload progress; XHR can). */
  upload<T>(path: string, form: FormData, options: UploadOptions): Promise<T> {
    return this.freshSession().then(
      (session) =>
        new Promise<T>((resolve, reject) => {
          const xhr = new XMLHttpRequest();
          xhr.open("POST", this.url(path));
          xhr.setRequestHeader("accept", "application/json");
          xhr.setRequestHeader("x-space-id", options.space);
          if (session) xhr.setRequestHeader("authorization", `Bearer ${session.accessToken}`);
          xhr.upload.onprogress = (event) => options.onProgress?.(event.loaded, event.total);
          xhr.onerror = () => reject(new ApiError(0, "NETWORK_ERROR", "The upload was interrupted"));
          xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
          xhr.onload = () => {
            const response = new Response(xhr.responseText || null, {
              status: xhr.status,
              headers: { "content-type": xhr.getResponseHeader("content-type") ?? "application/json" },
            });
            if (xhr.status >= 200 && xhr.status < 300) {
              resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
            } else {
              apiErrorFrom(response).then(reject, reject);
            }
          };
          options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
          xhr.send(form);
        }),
    );
  }

  url(path: string, query?: Record<string, QueryValue>): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null || value === "") continue;
      if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
      else params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ""}`;
  }

  /** The current session, refreshed first when its access token is about to lapse. */
  async freshSession(): Promise<Session | null> {
    const session = this.session.get();
    if (!session) return null;
    if (session.expiresAt - Date.now() > refreshMarginMs) return session;
    return this.refresh(session);
  }

  private refresh(stale: Session): Promise<Session | null> {
    if (!this.refreshing) {
      this.refreshing = this.refreshAcrossTabs(stale).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /**
   * Refresh tokens rotate, and presenting a rotated one revokes the whole login: two tabs must not
   * refresh at once. A Web Lock serializes them; the second tab then finds the new tokens stored.
   */
  private async refreshAcrossTabs(stale: Session): Promise<Session | null> {
    const run = async () => {
      const stored = this.session.reload();
      if (!stored) return null;
      if (stored.refreshToken !== stale.refreshToken && stored.expiresAt - Date.now() > refreshMarginMs)
        return stored;
      const response = await this.fetchImpl(this.url("/api/v1/auth/refresh"), {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ refresh_token: stored.refreshToken }),
      }).catch(() => null);
      if (!response) return stored; // Offline: keep the session, the request will report the failure.
      if (!response.ok) {
        this.session.clear();
        return null;
      }
      return this.session.setFromTokens((await response.json()) as TokenResponse);
    };
    const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
    return locks ? locks.request("tributary.session.refresh", run) : run();
  }
}

export const api = new ApiClient();
