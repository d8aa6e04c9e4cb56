import { errorEnvelopeSchema, teamSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { apiAs, organizationWithRoles } from "./space-test-client.js";

let instance: TestInstance;
const app = () => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};

beforeAll(async () => {
  instance = await startTestInstance();
});
afterAll(async () => {
  await instance?.close();
});

const long = "x".repeat(1_000);

describe("bad input on every space, organization and team endpoint", () => {
  it("answers the 4xx envelope", async () => {
    const { organization, spaceId, owner, viewer } = await organizationWithRoles(app());
    const api = apiAs(app(), owner);
    const team = teamSchema.parse(
      (await api("POST", `/api/v1/organizations/${organization.id}/teams`, { name: "T" })).body,
    );
    const org = `/api/v1/organizations/${organization.id}`;
    const space = `/api/v1/spaces/${spaceId}`;
    const user = viewer.user.id;
    const cases: Array<[method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown]> = [
      ["GET", "/api/v1/spaces?limit=0"],
      ["GET", "/api/v1/spaces?limit=1000"],
      ["GET", "/api/v1/spaces?limit=abc"],
      ["GET", "/api/v1/spaces?cursor=not-a-cursor"],
      ["POST", "/api/v1/spaces", {}],
      ["POST", "/api/v1/spaces", { organization_id: "nope", name: "S" }],
      ["POST", "/api/v1/spaces", { organization_id: organization.id, name: long }],
      ["POST", "/api/v1/spaces", { organization_id: organization.id, name: "S", extra: 1 }],
      ["POST", "/api/v1/spaces", { organization_id: organization.id, name: "S", visibility: "everyone" }],
      [
        "POST",
        "/api/v1/spaces",
        { organization_id: organization.id, name: "S", settings: { big: long.repeat(20) } },
      ],
      ["GET", "/api/v1/spaces/not-a-space"],
      ["GET", "/api/v1/spaces/space_abc"],
      ["PATCH", space, {}],
      ["PATCH", space, { name: 5 }],
      ["PATCH", space, { name: "  " }],
      ["PATCH", space, { description: long }],
      ["PATCH", space, { settings: [] }],
      ["PATCH", space, { unknown: true }],
      ["DELETE", "/api/v1/spaces/space_"],
      ["GET", `${space}/members?limit=-1`],
      ["GET", `${space}/members?cursor=${Buffer.from('["x","y"]').toString("base64url")}`],
      ["POST", `${space}/members`, { role: "member" }],
      ["POST", `${space}/members`, { user_id: user, email: viewer.user.email, role: "member" }],
      ["POST", `${space}/members`, { user_id: "123", role: "member" }],
      ["POST", `${space}/members`, { email: "not-an-email", role: "member" }],
      ["POST", `${space}/members`, { user_id: user, role: "god" }],
      ["POST", `${space}/members`, { user_id: user, role: "member", extra: 1 }],
      ["PATCH", `${space}/members/${user}`, {}],
      ["PATCH", `${space}/members/${user}`, { role: 1 }],
      ["PATCH", `${space}/members/not-a-uuid`, { role: "member" }],
      ["DELETE", `${space}/members/not-a-uuid`],
      ["POST", `${space}/invitations`, { email: "a@example.test" }],
      ["POST", `${space}/invitations`, { email: `${long}@example.test`, role: "member" }],
      ["POST", `${space}/invitations`, { email: "a@example.test", role: "member", note: "hi" }],
      ["GET", `${space}/invitations?limit=101`],
      ["DELETE", `${space}/invitations/not-a-uuid`],
      ["POST", "/api/v1/invitations/short/accept"],
      ["POST", `/api/v1/invitations/${"x".repeat(200)}/accept`],
      ["POST", "/api/v1/organizations", {}],
      ["POST", "/api/v1/organizations", { name: long }],
      ["POST", "/api/v1/organizations", { name: "O", description: long }],
      ["POST", "/api/v1/organizations", { name: "O", owner: "me" }],
      ["GET", "/api/v1/organizations?cursor=%%%"],
      ["GET", "/api/v1/organizations/not-a-uuid"],
      ["PATCH", org, {}],
      ["PATCH", org, { name: ["x"] }],
      ["DELETE", "/api/v1/organizations/123"],
      ["GET", `${org}/members?limit=0`],
      ["POST", `${org}/members`, { user_id: user }],
      ["POST", `${org}/members`, { user_id: user, role: "viewer" }],
      ["POST", `${org}/members`, { user_id: user, role: "member", title: long }],
      ["PATCH", `${org}/members/${user}`, {}],
      ["PATCH", `${org}/members/${user}`, { role: "viewer" }],
      ["DELETE", `${org}/members/nope`],
      ["GET", `${org}/teams?limit=x`],
      ["POST", `${org}/teams`, {}],
      ["POST", `${org}/teams`, { name: long }],
      ["POST", `${org}/teams`, { name: "T", visibility: "public" }],
      ["GET", "/api/v1/teams/nope"],
      ["PATCH", `/api/v1/teams/${team.id}`, {}],
      ["PATCH", `/api/v1/teams/${team.id}`, { description: long }],
      ["DELETE", "/api/v1/teams/nope"],
      ["GET", `/api/v1/teams/${team.id}/members?limit=0`],
      ["POST", `/api/v1/teams/${team.id}/members`, { email: viewer.user.email }],
      ["POST", `/api/v1/teams/${team.id}/members`, { email: viewer.user.email, role: "viewer" }],
      ["DELETE", `/api/v1/teams/${team.id}/members/nope`],
    ];
    for (const [method, url, payload] of cases) {
      const reply = await api(method, url, payload);
      const label = `${method} ${url} ${JSON.stringify(payload)?.slice(0, 80)}`;
      expect(reply.status, label).toBeGreaterThanOrEqual(400);
      expect(reply.status, label).toBeLessThan(500);
      expect(errorEnvelopeSchema.safeParse(reply.body).success, label).toBe(true);
    }
  }, 30_000);

  it("refuses calls without credentials with 401", async () => {
    const api = apiAs(app(), null);
    for (const [method, url] of [
      ["GET", "/api/v1/spaces"],
      ["POST", "/api/v1/organizations"],
      ["GET", "/api/v1/teams/01a20193-9a3c-785b-ad18-886851e54c7a"],
      ["POST", "/api/v1/invitations/tinv_0000000000000000000000/accept"],
    ] as const) {
      const payload = method === "POST" && url.endsWith("organizations") ? { name: "Valid" } : undefined;
      expect((await api(method, url, payload)).status, url).toBe(401);
    }
  });
});
