import {
  adminInstanceSchema,
  errorEnvelopeSchema,
  type Instance,
  instanceSchema,
  type TokenResponse,
} from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { bearer, registerAccount } from "../testing/identity-client.js";

let instance: TestInstance;
let beforeAnyAccount: Instance;
let admin: TokenResponse;
let member: TokenResponse;

const app = (): FastifyInstance => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
const readInstance = async () => {
  const res = await app().inject({ method: "GET", url: "/api/v1/instance" });
  expect(res.statusCode, res.body).toBe(200);
  return instanceSchema.strict().parse(res.json());
};
const rename = (payload: unknown, token?: string) =>
  app().inject({
    method: "PATCH",
    url: "/api/v1/admin/instance",
    headers: token ? bearer(token) : {},
    payload: payload as object,
  });

beforeAll(async () => {
  // Each test file gets its own database: this instance starts with no account at all.
  instance = await startTestInstance();
  beforeAnyAccount = await readInstance();
  admin = await registerAccount(app(), "admin");
  member = await registerAccount(app(), "member");
});
afterAll(async () => {
  await instance?.close();
});

describe("GET /api/v1/instance", () => {
  it("tells anonymous visitors that setup is needed until the first account exists, which becomes admin", async () => {
    expect(beforeAnyAccount).toEqual({ name: "Tributary", needs_setup: true, oidc_providers: [] });
    expect(admin.user.platform_role).toBe("admin");
    expect(member.user.platform_role).toBe("user");
    expect((await readInstance()).needs_setup).toBe(false);
  });
});

describe("PATCH /api/v1/admin/instance", () => {
  it("renames the instance; the first save completes setup and later saves keep that moment", async () => {
    const first = await rename({ name: "  Acme Knowledge  " }, admin.access_token);
    expect(first.statusCode, first.body).toBe(200);
    const saved = adminInstanceSchema.strict().parse(first.json());
    expect(saved.name).toBe("Acme Knowledge");
    expect(saved.setup_completed_at).not.toBeNull();
    expect((await readInstance()).name).toBe("Acme Knowledge");

    const again = await rename({ name: "Acme" }, admin.access_token);
    expect(adminInstanceSchema.parse(again.json())).toMatchObject({
      name: "Acme",
      setup_completed_at: saved.setup_completed_at,
    });
    const [audit] = await instance.resources.sql.query<{ actor_user_id: string; details: unknown }>(
      `SELECT actor_user_id, details FROM audit_events WHERE action = 'instance.updated'
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      actor_user_id: admin.user.id,
      details: { name: { from: "Acme Knowledge", to: "Acme" } },
    });
  });

  it("is refused to anonymous callers and to users who are not platform admins", async () => {
    const forbidden = await rename({ name: "Mine now" }, member.access_token);
    expect(forbidden.statusCode).toBe(403);
    expect(errorEnvelopeSchema.parse(forbidden.json()).error.code).toBe("FORBIDDEN");
    const anonymous = await rename({ name: "Mine now" });
    expect(anonymous.statusCode).toBe(401);
    expect((await readInstance()).name).not.toBe("Mine now");
  });

  it("answers 400 for a blank or over-long name and for unknown fields", async () => {
    for (const payload of [{ name: "   " }, { name: "x".repeat(101) }, {}, { name: "ok", extra: 1 }]) {
      const res = await rename(payload, admin.access_token);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorEnvelopeSchema.parse(res.json()).error.code).toBe("VALIDATION_ERROR");
    }
  });
});

describe("/openapi.json", () => {
  it("documents both instance routes", async () => {
    const res = await app().inject({ method: "GET", url: "/openapi.json" });
    const paths = (res.json() as { paths: Record<string, Record<string, unknown>> }).paths;
    expect(paths["/api/v1/instance"]?.get).toBeDefined();
    expect(paths["/api/v1/admin/instance"]?.patch).toBeDefined();
  });
});
