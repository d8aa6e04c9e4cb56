import type { TokenResponse, User } from "@tributary/contracts";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { ApiClient } from "./client";
import { SessionStore } from "./session";

const user = { id: "u1", full_name: "Ada Lovelace" } as User;

function tokens(access: string, refresh: string, expiresIn = 300): TokenResponse {
  return {
    access_token: access,
    refresh_token: refresh,
    token_type: "Bearer",
    expires_in: expiresIn,
    refresh_expires_in: 3600,
    user,
  };
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A stand-in API: accepts only the current access token, rotates refresh tokens like the server. */
function fakeApi(options: { refreshFails?: boolean } = {}) {
  let access = "access-1";
  let refresh = "refresh-1";
  const calls = { refresh: 0, requests: [] as string[] };
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    if (url.endsWith("/api/v1/auth/refresh")) {
      calls.refresh += 1;
      const body = JSON.parse(String(init?.body)) as { refresh_token: string };
      if (options.refreshFails || body.refresh_token !== refresh) {
        return Response.json(
          { error: { code: "UNAUTHENTICATED", message: "Refresh token revoked", request_id: "r" } },
          { status: 401 },
        );
      }
      access = `access-${calls.refresh + 1}`;
      refresh = `refresh-${calls.refresh + 1}`;
      return Response.json(tokens(access, refresh));
    }
    calls.requests.push(`${headers.authorization} ${headers["x-space-id"] ?? "-"}`);
    if (headers.authorization !== `Bearer ${access}`) {
      return Response.json(
        { error: { code: "UNAUTHENTICATED", message: "Token expired", request_id: "r" } },
        { status: 401 },
      );
    }
    return Response.json({ ok: true });
  };
  return { fetchImpl, calls, expire: () => (access = "rotated-server-side") };
}

describe("ApiClient sessions", () => {
  it("refreshes once for many requests that meet an expired token, retries them, and keeps the page's session", async () => {
    const server = fakeApi();
    const session = new SessionStore(memoryStorage());
    session.setFromTokens(tokens("access-1", "refresh-1"));
    const client = new ApiClient(session, "", server.fetchImpl);
    server.expire();
    // The server now wants a token the client does not have: every request is refused once.
    const results = await Promise.all([
      client.get("/api/v1/a", { space: "space_1" }),
      client.get("/api/v1/b", { space: "space_1" }),
      client.get("/api/v1/c"),
    ]);
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(server.calls.refresh).toBe(1);
    expect(session.get()?.refreshToken).toBe("refresh-2");
    expect(server.calls.requests.filter((line) => line.startsWith("Bearer access-2"))).toHaveLength(3);
  });

  it("refreshes before sending when the access token is about to lapse", async () => {
    const server = fakeApi();
    const session = new SessionStore(memoryStorage());
    session.setFromTokens(tokens("access-1", "refresh-1", 10));
    const client = new ApiClient(session, "", server.fetchImpl);
    await client.get("/api/v1/a");
    expect(server.calls.refresh).toBe(1);
    expect(server.calls.requests).toEqual(["Bearer access-2 -"]);
  });

  it("signs out when the refresh token is refused, and reports the API's 401", async () => {
    const server = fakeApi({ refreshFails: true });
    const session = new SessionStore(memoryStorage());
    session.setFromTokens(tokens("access-1", "refresh-1"));
    const client = new ApiClient(session, "", server.fetchImpl);
    server.expire();
    const failure = await client.get("/api/v1/a").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect((failure as ApiError).message).toBe("Token expired");
    expect(session.get()).toBeNull();
  });

  it("turns an unreachable server into a clear network error", async () => {
    const session = new SessionStore(memoryStorage());
    const client = new ApiClient(session, "", async () => {
      throw new TypeError("fetch failed");
    });
    const failure = (await client.get("/api/v1/a").catch((error: unknown) => error)) as ApiError;
    expect(failure.status).toBe(0);
    expect(failure.hint).toMatch(/connection/);
  });
});
