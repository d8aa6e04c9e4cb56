import { randomUUID } from "node:crypto";
import {
  budgetListSchema,
  budgetSchema,
  errorEnvelopeSchema,
  type TokenResponse,
} from "@tributary/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../../platform/auth/index.js";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { callAs, organizationOf, register } from "../../usage/testing/tenant-accounts.js";
import { budgetRoutes } from "../routes/budget-routes.js";

let instance: TestInstance;
let owner: TokenResponse;
let member: TokenResponse;
let outsider: TokenResponse;
let org: { tenantId: string; spaceId: string };

const app = (): FastifyInstance => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
const budgets = (
  account: TokenResponse,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path = "",
  payload?: unknown,
  space = org.spaceId,
) => callAs(app(), account.access_token, method, `/api/v1/gateway/budgets${path}`, { space, payload });
const code = (reply: { body: unknown }) => errorEnvelopeSchema.parse(reply.body).error.code;

beforeAll(async () => {
  // The instance serves the gateway module's budget routes (wired in start-tributary).
  instance = await startTestInstance();
  await register(app(), "platform-admin");
  [owner, member, outsider] = (await Promise.all(
    ["owner", "member", "outsider"].map((l) => register(app(), l)),
  )) as [TokenResponse, TokenResponse, TokenResponse];
  org = await organizationOf(app(), owner, [{ account: member, role: "member" }]);
});
afterAll(async () => {
  await instance?.close();
});

describe("/api/v1/gateway/budgets", () => {
  it("lets an owner create, list, change and delete the tenant's budgets", async () => {
    const tenant = await budgets(owner, "POST", "", { scope: "tenant", period: "month", limit_usd: 500 });
    expect(tenant.status).toBe(201);
    expect(budgetSchema.parse(tenant.body)).toMatchObject({
      tenant_id: org.tenantId,
      scope: "tenant",
      scope_id: org.tenantId,
      period: "month",
      limit_usd: 500,
      mode: "hard",
      alert_threshold: 0.8,
    });
    const space = budgetSchema.parse(
      (
        await budgets(owner, "POST", "", {
          scope: "space",
          period: "day",
          limit_usd: 12.5,
          mode: "soft",
          alert_threshold: 0.5,
        })
      ).body,
    );
    expect(space).toMatchObject({
      scope: "space",
      scope_id: org.spaceId,
      mode: "soft",
      alert_threshold: 0.5,
    });
    const key = randomUUID();
    expect(
      (await budgets(owner, "POST", "", { scope: "api_key", scope_id: key, period: "day", limit_usd: 1 }))
        .status,
    ).toBe(201);

    const listed = budgetListSchema.parse((await budgets(owner, "GET")).body);
    expect(listed.data.map((b) => b.scope).sort()).toEqual(["api_key", "space", "tenant"]);

    const changed = await budgets(owner, "PATCH", `/${space.id}`, { limit_usd: 20, mode: "hard" });
    expect(budgetSchema.parse(changed.body)).toMatchObject({
      limit_usd: 20,
      mode: "hard",
      alert_threshold: 0.5,
    });

    expect((await budgets(owner, "DELETE", `/${space.id}`)).status).toBe(204);
    expect((await budgets(owner, "DELETE", `/${space.id}`)).status).toBe(404);
    expect(budgetListSchema.parse((await budgets(owner, "GET")).body).data).toHaveLength(2);
  });

  it("refuses a second budget for the same scope and period, and bad scope ids", async () => {
    const user = randomUUID();
    expect(
      (await budgets(owner, "POST", "", { scope: "user", scope_id: user, period: "day", limit_usd: 1 }))
        .status,
    ).toBe(201);
    const again = await budgets(owner, "POST", "", {
      scope: "user",
      scope_id: user,
      period: "day",
      limit_usd: 2,
    });
    expect([again.status, code(again)]).toEqual([409, "CONFLICT"]);
    expect((await budgets(owner, "POST", "", { scope: "user", period: "day", limit_usd: 1 })).status).toBe(
      400,
    );
    expect(
      (
        await budgets(owner, "POST", "", {
          scope: "tenant",
          scope_id: "tenant_1",
          period: "day",
          limit_usd: 1,
        })
      ).status,
    ).toBe(400);
    expect((await budgets(owner, "POST", "", { scope: "tenant", period: "week", limit_usd: 1 })).status).toBe(
      400,
    );
    expect((await budgets(owner, "POST", "", { scope: "tenant", period: "day", limit_usd: -1 })).status).toBe(
      400,
    );
  });

  it("is for owners and admins only", async () => {
    const listed = await budgets(member, "GET");
    expect([listed.status, code(listed)]).toEqual([403, "FORBIDDEN"]);
    expect((await budgets(member, "POST", "", { scope: "tenant", period: "day", limit_usd: 1 })).status).toBe(
      403,
    );
  });

  it("never reaches another tenant's budgets", async () => {
    const mine = budgetSchema.parse(
      (
        await budgets(owner, "POST", "", {
          scope: "space",
          scope_id: "space_424242",
          period: "month",
          limit_usd: 3,
        })
      ).body,
    );
    // The organization's space is not the outsider's: 404, as for any space they are not in.
    expect((await budgets(outsider, "GET")).status).toBe(404);
    // In their own tenant, the organization's budgets neither list nor answer to their ids.
    const own = outsider.user.personal_space_id ?? "";
    expect(budgetListSchema.parse((await budgets(outsider, "GET", "", undefined, own)).body).data).toEqual(
      [],
    );
    expect((await budgets(outsider, "PATCH", `/${mine.id}`, { limit_usd: 1_000 }, own)).status).toBe(404);
    expect((await budgets(outsider, "DELETE", `/${mine.id}`, undefined, own)).status).toBe(404);
    expect(
      budgetListSchema.parse((await budgets(owner, "GET")).body).data.find((b) => b.id === mine.id),
    ).toMatchObject({
      limit_usd: 3,
    });
  });

  it("drops the guard's cached budgets of the tenant after every change", async () => {
    const invalidated: string[] = [];
    const routes = budgetRoutes({
      sql: instance.resources.sql,
      budgets: { invalidate: (tenantId) => invalidated.push(tenantId) },
    });
    const route = (method: string) => {
      const found = routes.find((r) => r.method === method);
      if (!found) throw new Error(`no ${method} route`);
      return found;
    };
    const principal: Principal = {
      kind: "user",
      id: owner.user.id,
      userId: owner.user.id,
      scopes: null,
      platformRole: "user",
      restrictedToSpaceId: null,
    };
    const context = {
      principal,
      space: { ...org, role: "owner" as const },
      query: undefined,
      // The handlers never touch the raw request or reply.
      request: {} as FastifyRequest,
      reply: {} as FastifyReply,
    };
    const created = budgetSchema.parse(
      await route("POST").handler({
        ...context,
        params: undefined,
        body: {
          scope: "user",
          scope_id: randomUUID(),
          period: "day",
          limit_usd: 1,
          mode: "hard",
          alert_threshold: 0.8,
        },
      }),
    );
    await route("PATCH").handler({ ...context, params: { id: created.id }, body: { limit_usd: 2 } });
    await route("DELETE").handler({ ...context, params: { id: created.id }, body: undefined });
    await route("GET").handler({ ...context, params: undefined, body: undefined });
    expect(invalidated).toEqual([org.tenantId, org.tenantId, org.tenantId]);
  });
});
