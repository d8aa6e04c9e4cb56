import {
  organizationMemberSchema,
  organizationSchema,
  pageSchema,
  spaceSchema,
  teamMemberSchema,
  teamSchema,
} from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { registerAccount } from "../testing/identity-client.js";
import { type Account, apiAs, errorReason } from "./space-test-client.js";

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

async function organizationOf(owner: Account, name = "Org") {
  const reply = await apiAs(app(), owner)("POST", "/api/v1/organizations", { name, description: "d" });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return organizationSchema.parse(reply.body);
}

async function join(owner: Account, organizationId: string, who: Account, role: string) {
  const reply = await apiAs(app(), owner)("POST", `/api/v1/organizations/${organizationId}/members`, {
    email: who.user.email,
    role,
    title: "Engineer",
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return organizationMemberSchema.parse(reply.body);
}

describe("organizations", () => {
  it("come with their own tenant and space, owned by the creator", async () => {
    const owner = await registerAccount(app(), "founder");
    const organization = await organizationOf(owner, "Founders");
    expect(organization.tenant_id).toMatch(/^tenant_\d+$/);
    expect(organization.space_id).toBe(organization.tenant_id.replace("tenant_", "space_"));
    expect(organization.role).toBe("owner");
    const space = spaceSchema.parse(
      (await apiAs(app(), owner)("GET", `/api/v1/spaces/${organization.space_id}`)).body,
    );
    expect(space).toMatchObject({
      role: "owner",
      organization_id: organization.id,
      tenant_id: organization.tenant_id,
    });
    const listed = pageSchema(organizationSchema).parse(
      (await apiAs(app(), owner)("GET", "/api/v1/organizations")).body,
    );
    expect(listed.data.map((o) => o.id)).toEqual([organization.id]);
  });

  it("gives 10 concurrent creations by one user 10 distinct tenants", async () => {
    const owner = await registerAccount(app(), "busy");
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        apiAs(app(), owner)("POST", "/api/v1/organizations", { name: `Org ${i}` }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    const tenants = new Set(replies.map((r) => organizationSchema.parse(r.body).tenant_id));
    expect(tenants.size).toBe(10);
    const page = pageSchema(organizationSchema).parse(
      (await apiAs(app(), owner)("GET", "/api/v1/organizations?limit=100")).body,
    );
    expect(page.data).toHaveLength(10);
  }, 30_000);

  it("follow the §3.5 matrix: members read, admins update, owners delete", async () => {
    const owner = await registerAccount(app(), "owner");
    const admin = await registerAccount(app(), "admin");
    const member = await registerAccount(app(), "member");
    const outsider = await registerAccount(app(), "outsider");
    const organization = await organizationOf(owner);
    await join(owner, organization.id, admin, "admin");
    await join(owner, organization.id, member, "member");
    const url = `/api/v1/organizations/${organization.id}`;
    expect((await apiAs(app(), member)("GET", url)).status).toBe(200);
    expect((await apiAs(app(), outsider)("GET", url)).status).toBe(404);
    expect((await apiAs(app(), outsider)("GET", `${url}/members`)).status).toBe(404);
    expect((await apiAs(app(), member)("PATCH", url, { name: "Mine" })).status).toBe(403);
    const renamed = await apiAs(app(), admin)("PATCH", url, { name: "Renamed" });
    expect(organizationSchema.parse(renamed.body)).toMatchObject({ name: "Renamed", role: "admin" });
    expect(
      (await apiAs(app(), member)("POST", `${url}/members`, { user_id: outsider.user.id, role: "member" }))
        .status,
    ).toBe(403);
    expect(
      (await apiAs(app(), admin)("POST", `${url}/members`, { user_id: outsider.user.id, role: "owner" }))
        .status,
    ).toBe(403);
    expect(
      (await apiAs(app(), admin)("PATCH", `${url}/members/${owner.user.id}`, { role: "member" })).status,
    ).toBe(403);
    expect((await apiAs(app(), admin)("DELETE", url)).status).toBe(403);
    const promoted = await apiAs(app(), admin)("PATCH", `${url}/members/${member.user.id}`, {
      department: "R&D",
    });
    expect(organizationMemberSchema.parse(promoted.body)).toMatchObject({
      department: "R&D",
      title: "Engineer",
    });
    const lastOwner = await apiAs(app(), owner)("DELETE", `${url}/members/${owner.user.id}`);
    expect(lastOwner.status).toBe(409);
    expect(errorReason(lastOwner)).toBe("last_owner");
    expect((await apiAs(app(), owner)("DELETE", url)).status).toBe(204);
    expect((await apiAs(app(), owner)("GET", url)).status).toBe(404);
    expect((await apiAs(app(), owner)("GET", `/api/v1/spaces/${organization.space_id}`)).status).toBe(404);
  });
});

describe("teams", () => {
  it("are created by organization admins, visible to its members, and managed by their owners", async () => {
    const owner = await registerAccount(app(), "owner");
    const admin = await registerAccount(app(), "admin");
    const member = await registerAccount(app(), "member");
    const outsider = await registerAccount(app(), "outsider");
    const organization = await organizationOf(owner);
    await join(owner, organization.id, admin, "admin");
    await join(owner, organization.id, member, "member");
    const teams = `/api/v1/organizations/${organization.id}/teams`;
    expect((await apiAs(app(), member)("POST", teams, { name: "Ops" })).status).toBe(403);
    const created = await apiAs(app(), admin)("POST", teams, { name: "Ops", description: "Runs things" });
    expect(created.status).toBe(201);
    const team = teamSchema.parse(created.body);
    const listed = pageSchema(teamSchema).parse((await apiAs(app(), member)("GET", teams)).body);
    expect(listed.data.map((t) => t.id)).toEqual([team.id]);
    expect((await apiAs(app(), member)("GET", `/api/v1/teams/${team.id}`)).status).toBe(200);
    expect((await apiAs(app(), outsider)("GET", `/api/v1/teams/${team.id}`)).status).toBe(404);
    expect((await apiAs(app(), member)("PATCH", `/api/v1/teams/${team.id}`, { name: "Mine" })).status).toBe(
      403,
    );
    expect(
      (await apiAs(app(), admin)("PATCH", `/api/v1/teams/${team.id}`, { name: "Operations" })).status,
    ).toBe(200);

    const members = `/api/v1/teams/${team.id}/members`;
    const notInOrg = await apiAs(app(), admin)("POST", members, {
      user_id: outsider.user.id,
      role: "member",
    });
    expect(notInOrg.status).toBe(422);
    const added = await apiAs(app(), admin)("POST", members, { email: member.user.email, role: "member" });
    expect(teamMemberSchema.parse(added.body).role).toBe("member");
    expect((await apiAs(app(), member)("DELETE", `${members}/${admin.user.id}`)).status).toBe(403);
    const listedMembers = pageSchema(teamMemberSchema).parse(
      (await apiAs(app(), member)("GET", members)).body,
    );
    expect(listedMembers.data).toHaveLength(2);

    // Roles change with the rules of adding: managers only, owner granted by owners only (the
    // admin created the team, so owns it).
    const memberUrl = `${members}/${member.user.id}`;
    expect((await apiAs(app(), member)("PATCH", memberUrl, { role: "admin" })).status).toBe(403);
    expect((await apiAs(app(), admin)("PATCH", memberUrl, { role: "bogus" })).status).toBe(400);
    const notMember = await apiAs(app(), admin)("PATCH", `${members}/${outsider.user.id}`, { role: "admin" });
    expect(notMember.status).toBe(404);
    const promoted = await apiAs(app(), admin)("PATCH", memberUrl, { role: "admin" });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    expect(teamMemberSchema.parse(promoted.body)).toMatchObject({ user_id: member.user.id, role: "admin" });
    expect((await apiAs(app(), member)("PATCH", memberUrl, { role: "owner" })).status).toBe(403);
    const ownerMade = await apiAs(app(), admin)("PATCH", memberUrl, { role: "owner" });
    expect(teamMemberSchema.parse(ownerMade.body).role).toBe("owner");
    const roles = pageSchema(teamMemberSchema).parse((await apiAs(app(), admin)("GET", members)).body);
    expect(roles.data.find((m) => m.user_id === member.user.id)?.role).toBe("owner");

    // Leaving the organization removes the user from its teams (§3.4 step 4).
    expect(
      (
        await apiAs(app(), member)(
          "DELETE",
          `/api/v1/organizations/${organization.id}/members/${member.user.id}`,
        )
      ).status,
    ).toBe(204);
    const after = pageSchema(teamMemberSchema).parse((await apiAs(app(), admin)("GET", members)).body);
    expect(after.data.map((m) => m.user_id)).toEqual([admin.user.id]);

    // The team's owner (the admin who created it) or an organization owner may delete it.
    expect((await apiAs(app(), owner)("DELETE", `/api/v1/teams/${team.id}`)).status).toBe(204);
    expect((await apiAs(app(), admin)("GET", `/api/v1/teams/${team.id}`)).status).toBe(404);
  });
});
