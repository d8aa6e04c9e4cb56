import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import {
  type AuthHooks,
  createAccessChanges,
  type Principal,
  type SpaceContext,
} from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { GatewayError } from "../gateway-error.js";
import { createCallerResolver } from "./gateway-caller.js";

const principal: Principal = {
  kind: "api_key",
  id: "key-1",
  userId: "user-1",
  scopes: ["gateway:invoke"],
  platformRole: "user",
  restrictedToSpaceId: null,
};

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Identity's hooks as the resolver sees them, counting the lookups that would reach the database. */
function countingHooks(space: (spaceId: string) => SpaceContext | null) {
  const calls = { spaces: 0, defaults: 0 };
  const auth: AuthHooks = {
    authenticate: async () => principal,
    async resolveSpace(_principal, spaceId) {
      calls.spaces += 1;
      await pause();
      const found = space(spaceId);
      if (!found) throw new AppError("NOT_FOUND", "Space not found");
      return found;
    },
  };
  const defaultSpaceOf = async () => {
    calls.defaults += 1;
    await pause();
    return "space_1";
  };
  return { auth, defaultSpaceOf, calls };
}

function request(headers: Record<string, string> = {}): FastifyRequest {
  return { headers: { authorization: "Bearer trk_test", ...headers }, ip: "127.0.0.1" } as FastifyRequest;
}

describe("createCallerResolver", () => {
  it("looks a space up once for calls that miss the cache together, then serves it from the cache", async () => {
    const hooks = countingHooks((spaceId) => ({ spaceId, tenantId: "tenant_1", role: "member" }));
    const resolveCaller = createCallerResolver(hooks);
    const callers = await Promise.all(Array.from({ length: 16 }, () => resolveCaller(request())));
    expect(hooks.calls).toEqual({ spaces: 1, defaults: 1 });
    for (const caller of callers) {
      expect(caller).toMatchObject({ tenantId: "tenant_1", spaceId: "space_1", apiKeyId: "key-1" });
    }
    await resolveCaller(request());
    expect(hooks.calls).toEqual({ spaces: 1, defaults: 1 });
  });

  it("gives every waiting call the refusal of an unknown space, and asks again on the next call", async () => {
    const hooks = countingHooks(() => null);
    const resolveCaller = createCallerResolver(hooks);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => resolveCaller(request({ "x-space-id": "space_404" }))),
    );
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      const reason = (outcome as PromiseRejectedResult).reason as GatewayError;
      expect(reason).toBeInstanceOf(GatewayError);
      expect(reason.options.code).toBe("space_not_found");
    }
    expect(hooks.calls.spaces).toBe(1);
    await expect(resolveCaller(request({ "x-space-id": "space_404" }))).rejects.toThrow(/space_404/);
    expect(hooks.calls.spaces).toBe(2);
  });

  it("reads the space again once its entry expired", async () => {
    const hooks = countingHooks((spaceId) => ({ spaceId, tenantId: "tenant_1", role: "member" }));
    const resolveCaller = createCallerResolver({ ...hooks, ttlMs: 1 });
    await resolveCaller(request({ "x-space-id": "space_2" }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await resolveCaller(request({ "x-space-id": "space_2" }));
    expect(hooks.calls.spaces).toBe(2);
  });

  it("re-reads a busy caller's space in the background, and drops it once the membership is gone", async () => {
    let member = true;
    const hooks = countingHooks((spaceId) =>
      member ? { spaceId, tenantId: "tenant_1", role: "member" } : null,
    );
    const resolveCaller = createCallerResolver({ ...hooks, ttlMs: 400 });
    const call = () => resolveCaller(request({ "x-space-id": "space_3" }));
    await call();
    await new Promise((resolve) => setTimeout(resolve, 320));
    member = false;
    // Past ¾ of the TTL: answered from hand while the space is read again behind it.
    await expect(call()).resolves.toMatchObject({ spaceId: "space_3" });
    expect(hooks.calls.spaces).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await expect(call()).rejects.toThrow(/space_3/);
    expect(hooks.calls.spaces).toBe(3);
  });

  it("drops the entries an announced membership change or space deletion touches, and no others", async () => {
    const hooks = countingHooks((spaceId) => ({ spaceId, tenantId: "tenant_1", role: "member" }));
    const accessChanges = createAccessChanges({ hearsEveryChange: true, onError: () => {} });
    const resolveCaller = createCallerResolver({ ...hooks, auth: { ...hooks.auth, accessChanges } });
    const callIn = (spaceId: string) => resolveCaller(request({ "x-space-id": spaceId }));
    await Promise.all([callIn("space_a"), callIn("space_b")]);
    expect(hooks.calls.spaces).toBe(2);

    accessChanges.announce({ kind: "membership", userId: "user-2", spaceId: "space_a" });
    accessChanges.announce({ kind: "user", userId: "user-1" });
    await Promise.all([callIn("space_a"), callIn("space_b")]);
    expect(hooks.calls.spaces).toBe(2);

    accessChanges.announce({ kind: "membership", userId: "user-1", spaceId: "space_a" });
    await Promise.all([callIn("space_a"), callIn("space_b")]);
    expect(hooks.calls.spaces).toBe(3);

    accessChanges.announce({ kind: "space", spaceId: "space_b" });
    await Promise.all([callIn("space_a"), callIn("space_b")]);
    expect(hooks.calls.spaces).toBe(4);
  });
});
