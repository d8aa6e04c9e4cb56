import { pageSchema, spaceMemberSchema, spaceSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { registerAccount } from "../testing/identity-client.js";
import { apiAs, errorCode, errorReason, organizationWithRoles } from "./space-test-client.js";

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

describe("GET /spaces", () => {
  it("lists the caller's spaces with their role, the personal space first, in pages", async () => {
    const owner = await registerAccount(app(), "lister");
    const api = apiAs(app(), owner);
    for (const name of ["One", "Two"])
      expect((await api("POST", "/api/v1/organizations", { name })).status).toBe(201);
    const first = pageSchema(spaceSchema).parse((await api("GET", "/api/v1/spaces?limit=2")).body);
    expect(first.data[0]).toMatchObject({
      id: owner.user.personal_space_id,
      is_default: true,
      role: "owner",
    });
    expect(first.has_more).toBe(true);
    const second = pageSchema(spaceSchema).parse(
      (await api("GET", `/api/v1/spaces?limit=2&cursor=${first.next_cursor}`)).body,
    );
    expect(second.data.map((s) => s.role)).toEqual(["owner"]);
    expect(second.has_more).toBe(false);
    const ids = [...first.data, ...second.data].map((s) => s.id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("roles in a space (§3.5)", () => {
  it("lets a viewer read but not write", async () => {
    const { spaceId, viewer } = await organizationWithRoles(app());
    const api = apiAs(app(), viewer);
    const got = await api("GET", `/api/v1/spaces/${spaceId}`);
    expect(spaceSchema.parse(got.body).role).toBe("viewer");
    const patched = await api("PATCH", `/api/v1/spaces/${spaceId}`, { name: "Mine now" });
    expect(patched.status).toBe(403);
    expect(errorCode(patched)).toBe("FORBIDDEN");
    expect(
      (
        await api("POST", `/api/v1/spaces/${spaceId}/invitations`, {
          email: "x@example.test",
          role: "viewer",
        })
      ).status,
    ).toBe(403);
  });

  it("does not let a member manage members", async () => {
    const { spaceId, member, viewer, outsider } = await organizationWithRoles(app());
    const api = apiAs(app(), member);
    const members = pageSchema(spaceMemberSchema).parse(
      (await api("GET", `/api/v1/spaces/${spaceId}/members`)).body,
    );
    expect(members.data).toHaveLength(4);
    expect(
      (await api("POST", `/api/v1/spaces/${spaceId}/members`, { user_id: outsider.user.id, role: "viewer" }))
        .status,
    ).toBe(403);
    expect(
      (await api("PATCH", `/api/v1/spaces/${spaceId}/members/${viewer.user.id}`, { role: "member" })).status,
    ).toBe(403);
    expect((await api("DELETE", `/api/v1/spaces/${spaceId}/members/${viewer.user.id}`)).status).toBe(403);
  });

  it("lets an admin manage non-owners, but never grant owner or touch an owner", async () => {
    const { spaceId, owner, admin, viewer, outsider } = await organizationWithRoles(app());
    const api = apiAs(app(), admin);
    expect((await api("PATCH", `/api/v1/spaces/${spaceId}`, { description: "Updated" })).status).toBe(200);
    const promoted = await api("PATCH", `/api/v1/spaces/${spaceId}/members/${viewer.user.id}`, {
      role: "member",
    });
    expect(spaceMemberSchema.parse(promoted.body).role).toBe("member");
    expect(
      (await api("PATCH", `/api/v1/spaces/${spaceId}/members/${viewer.user.id}`, { role: "owner" })).status,
    ).toBe(403);
    expect(
      (await api("POST", `/api/v1/spaces/${spaceId}/members`, { user_id: outsider.user.id, role: "owner" }))
        .status,
    ).toBe(403);
    expect(
      (await api("PATCH", `/api/v1/spaces/${spaceId}/members/${owner.user.id}`, { role: "viewer" })).status,
    ).toBe(403);
    expect((await api("DELETE", `/api/v1/spaces/${spaceId}/members/${owner.user.id}`)).status).toBe(403);
    expect((await api("DELETE", `/api/v1/spaces/${spaceId}`)).status).toBe(403);
    expect((await api("DELETE", `/api/v1/spaces/${spaceId}/members/${viewer.user.id}`)).status).toBe(204);
    expect((await apiAs(app(), viewer)("GET", `/api/v1/spaces/${spaceId}`)).status).toBe(404);
  });

  it("keeps the last owner: cannot be demoted or removed until another owner exists", async () => {
    const { spaceId, owner, admin } = await organizationWithRoles(app());
    const api = apiAs(app(), owner);
    const demote = await api("PATCH", `/api/v1/spaces/${spaceId}/members/${owner.user.id}`, {
      role: "admin",
    });
    expect(demote.status).toBe(409);
    expect(errorReason(demote)).toBe("last_owner");
    expect((await api("DELETE", `/api/v1/spaces/${spaceId}/members/${owner.user.id}`)).status).toBe(409);
    expect(
      (await api("PATCH", `/api/v1/spaces/${spaceId}/members/${admin.user.id}`, { role: "owner" })).status,
    ).toBe(200);
    expect((await api("DELETE", `/api/v1/spaces/${spaceId}/members/${owner.user.id}`)).status).toBe(204);
  });

  it("answers 404 for another tenant's space and its members, and 400 for a mismatched X-Space-ID", async () => {
    const { spaceId, owner, outsider } = await organizationWithRoles(app());
    const api = apiAs(app(), outsider);
    for (const [method, url, payload] of [
      ["GET", `/api/v1/spaces/${spaceId}`, undefined],
      ["PATCH", `/api/v1/spaces/${spaceId}`, { name: "x" }],
      ["DELETE", `/api/v1/spaces/${spaceId}`, undefined],
      ["GET", `/api/v1/spaces/${spaceId}/members`, undefined],
      ["POST", `/api/v1/spaces/${spaceId}/members`, { user_id: outsider.user.id, role: "owner" }],
      ["PATCH", `/api/v1/spaces/${spaceId}/members/${owner.user.id}`, { role: "viewer" }],
      ["DELETE", `/api/v1/spaces/${spaceId}/members/${owner.user.id}`, undefined],
      ["GET", `/api/v1/spaces/${spaceId}/invitations`, undefined],
      ["POST", `/api/v1/spaces/${spaceId}/invitations`, { email: "a@example.test", role: "viewer" }],
      ["GET", `/api/v1/spaces/${owner.user.personal_space_id}`, undefined],
      ["GET", "/api/v1/spaces/space_1", undefined],
    ] as const) {
      const reply = await api(method, url, payload);
      expect(reply.status, `${method} ${url}`).toBe(404);
      expect(errorCode(reply)).toBe("NOT_FOUND");
    }
    const mismatch = await apiAs(app(), owner)("GET", `/api/v1/spaces/${spaceId}`, undefined, {
      "x-space-id": owner.user.personal_space_id ?? "",
    });
    expect(mismatch.status).toBe(400);
    const matching = await apiAs(app(), owner)("GET", `/api/v1/spaces/${spaceId}`, undefined, {
      "x-space-id": spaceId,
    });
    expect(matching.status).toBe(200);
  });
});

describe("organization spaces", () => {
  it("creates additional spaces (each its own tenant) for organization owners and admins only", async () => {
    const { organization, owner, admin, member, outsider } = await organizationWithRoles(app());
    const orgMembers = `/api/v1/organizations/${organization.id}/members`;
    expect(
      (await apiAs(app(), owner)("POST", orgMembers, { user_id: admin.user.id, role: "admin" })).status,
    ).toBe(201);
    expect(
      (await apiAs(app(), owner)("POST", orgMembers, { user_id: member.user.id, role: "member" })).status,
    ).toBe(201);
    const request = { organization_id: organization.id, name: "Research", settings: { theme: "dark" } };
    expect((await apiAs(app(), outsider)("POST", "/api/v1/spaces", request)).status).toBe(404);
    expect((await apiAs(app(), member)("POST", "/api/v1/spaces", request)).status).toBe(403);
    const created = await apiAs(app(), admin)("POST", "/api/v1/spaces", request);
    expect(created.status).toBe(201);
    const space = spaceSchema.parse(created.body);
    expect(space).toMatchObject({
      role: "owner",
      organization_id: organization.id,
      space_type: "organization",
    });
    expect(space.settings).toEqual({ theme: "dark" });
    expect(space.id).toBe(space.tenant_id.replace("tenant_", "space_"));
    expect(space.tenant_id).not.toBe(organization.tenant_id);
    // The creator owns it: only they may delete it; then it is gone.
    expect((await apiAs(app(), owner)("DELETE", `/api/v1/spaces/${space.id}`)).status).toBe(404);
    expect((await apiAs(app(), admin)("DELETE", `/api/v1/spaces/${space.id}`)).status).toBe(204);
    expect((await apiAs(app(), admin)("GET", `/api/v1/spaces/${space.id}`)).status).toBe(404);
  });

  it("refuses to delete a personal space or an organization's own space", async () => {
    const { spaceId, owner } = await organizationWithRoles(app());
    const api = apiAs(app(), owner);
    const personal = await api("DELETE", `/api/v1/spaces/${owner.user.personal_space_id}`);
    expect(personal.status).toBe(422);
    expect(errorReason(personal)).toBe("personal_space");
    expect(errorReason(await api("DELETE", `/api/v1/spaces/${spaceId}`))).toBe("organization_space");
  });
});

describe("audit and events", () => {
  it("records membership changes in the audit log and the outbox, in the space's tenant", async () => {
    const { spaceId, viewer } = await organizationWithRoles(app());
    const tenantId = spaceId.replace("space_", "tenant_");
    const [audit] = await instance.resources.sql.withTenant(tenantId, (tx) =>
      tx.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM audit_events WHERE action = 'space.member_added' AND target_id = $1",
        [viewer.user.id],
      ),
    );
    expect(audit?.count).toBe(1);
    const events = await instance.resources.sql.withTenant(tenantId, (tx) =>
      tx.query<{ event_type: string }>("SELECT event_type FROM outbox_events ORDER BY position"),
    );
    expect(events.map((e) => e.event_type)).toEqual(
      expect.arrayContaining(["organization.created", "space.created", "space.member_added"]),
    );
  });
});
