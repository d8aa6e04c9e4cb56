import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { vi } from "vitest";

/** Renders with a fresh query client that never retries, so a failing call shows its error at once. */
export function renderWithQuery(ui: ReactElement) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

export interface RecordedCall {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly signal: AbortSignal | undefined;
}

type Route = (call: RecordedCall) => Response | Promise<Response> | undefined;

/** Stubs the global fetch with a router of canned answers; records every call for assertions. */
export function stubFetch(route: Route) {
  const calls: RecordedCall[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const call: RecordedCall = {
      method: init?.method ?? "GET",
      url,
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    const answer = await route(call);
    return (
      answer ?? json({ error: { code: "NOT_FOUND", message: `No stub for ${call.method} ${url}` } }, 404)
    );
  });
  vi.stubGlobal("fetch", fetchStub);
  return calls;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function page<T>(data: T[]) {
  return { data, next_cursor: null, has_more: false };
}

/**
 * A bare memory router around `ui`, for components that render router Links: the app's route tree
 * is not needed, a Link only builds its href from the path pattern.
 */
function memoryRouter(ui: ReactNode) {
  const rootRoute = createRootRoute({ component: () => ui });
  return createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ["/"] }) });
}

/** Renders in a memory router and a fresh query client, once the router has loaded. */
export async function renderWithRouter(ui: ReactElement) {
  const router = memoryRouter(ui);
  const result = renderWithQuery(<RouterProvider router={router as never} />);
  await router.load();
  return result;
}

/** Renders in a memory router only, synchronously (components that make no API calls). */
export function renderInRouter(ui: ReactNode) {
  return render(<RouterProvider router={memoryRouter(ui) as never} />);
}
