import { type Notebook, notebookSchema, pageSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestInstance } from "../../../testing/test-instance.js";
import {
  apiAs,
  createNotebook,
  errorCode,
  errorReason,
  organizationWithRoles,
  personalSpace,
  personalTenant,
  registerAccount,
} from "../testing/content-client.js";
import { startContentTestInstance } from "../testing/content-test-instance.js";
import { seedDocument } from "../testing/document-fixtures.js";

let instance: TestInstance;
const app = () => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
const notebookPage = pageSchema(notebookSchema);

beforeAll(async () => {
  instance = await startContentTestInstance();
});
afterAll(async () => {
  await instance?.close();
});

describe("notebooks CRUD", () => {
  it("lists the onboarding notebook, creates, reads, changes and deletes one", async () => {
    const alice = await registerAccount(app(), "alice");
    const api = apiAs(app(), alice);
    const initial = notebookPage.parse((await api("GET", "/api/v1/notebooks")).body);
    expect(initial.data.map((n) => n.name)).toEqual(["Getting Started"]);

    const created = await createNotebook(api, {
      name: "Research",
      description: "Papers",
      tags: ["ml", "papers"],
    });
    expect(created).toMatchObject({
      name: "Research",
      visibility: "private",
      status: "active",
      parent_id: null,
      owner_id: alice.user.id,
      space_id: personalSpace(alice),
      tenant_id: personalTenant(alice),
      document_count: 0,
      total_size_bytes: 0,
    });
    const got = notebookSchema.parse((await api("GET", `/api/v1/notebooks/${created.id}`)).body);
    expect(got).toEqual(created);

    const patched = await api("PATCH", `/api/v1/notebooks/${created.id}`, {
      name: "Research 2",
      visibility: "shared",
      tags: [],
    });
    expect(patched.status).toBe(200);
    expect(notebookSchema.parse(patched.body)).toMatchObject({
      name: "Research 2",
      visibility: "shared",
      tags: [],
    });

    expect((await api("DELETE", `/api/v1/notebooks/${created.id}`)).status).toBe(204);
    const gone = await api("GET", `/api/v1/notebooks/${created.id}`);
    expect(gone.status).toBe(404);
    expect(errorCode(gone)).toBe("NOT_FOUND");
    expect((await api("DELETE", `/api/v1/notebooks/${created.id}`)).status).toBe(404);
  });

  it("refuses text holding U+0000 with a 400 (PostgreSQL cannot store it), in text and jsonb fields", async () => {
    const api = apiAs(app(), await registerAccount(app(), "nul"));
    const named = await api("POST", "/api/v1/notebooks", { name: "a\u0000b" });
    expect([named.status, errorCode(named)]).toEqual([400, "VALIDATION_ERROR"]);
    const described = await api("POST", "/api/v1/notebooks", { name: "ok", description: "x\u0000y" });
    expect([described.status, errorCode(described)]).toEqual([400, "VALIDATION_ERROR"]);
  });

  it("refuses a second live notebook of the same name for the same owner, and frees the name on delete", async () => {
    const api = apiAs(app(), await registerAccount(app(), "names"));
    const first = await createNotebook(api, { name: "Taxes" });
    const again = await api("POST", "/api/v1/notebooks", { name: "Taxes" });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe("CONFLICT");
    const other = await createNotebook(api, { name: "Other" });
    expect((await api("PATCH", `/api/v1/notebooks/${other.id}`, { name: "Taxes" })).status).toBe(409);
    expect((await api("DELETE", `/api/v1/notebooks/${first.id}`)).status).toBe(204);
    await createNotebook(api, { name: "Taxes" });
  });

  it("pages newest first and filters by parent and by words", async () => {
    const api = apiAs(app(), await registerAccount(app(), "pager"));
    const root = await createNotebook(api, { name: "Projects" });
    const names = ["Alpha budget", "Beta roadmap", "Gamma budget notes"];
    for (const name of names) await createNotebook(api, { name, parent_id: root.id, tags: ["q3"] });

    const seen: Notebook[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor ? `&cursor=${cursor}` : "";
      const page = notebookPage.parse((await api("GET", `/api/v1/notebooks?limit=2${suffix}`)).body);
      seen.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.map((n) => n.name)).toEqual([...names].reverse().concat(["Projects", "Getting Started"]));

    const children = notebookPage.parse((await api("GET", `/api/v1/notebooks?parent_id=${root.id}`)).body);
    expect(children.data).toHaveLength(3);
    const top = notebookPage.parse((await api("GET", "/api/v1/notebooks?parent_id=root")).body);
    expect(top.data.map((n) => n.name).sort()).toEqual(["Getting Started", "Projects"]);

    const budget = notebookPage.parse((await api("GET", "/api/v1/notebooks?q=budg")).body);
    expect(budget.data.map((n) => n.name).sort()).toEqual(["Alpha budget", "Gamma budget notes"]);
    const tagged = notebookPage.parse((await api("GET", "/api/v1/notebooks?q=q3")).body);
    expect(tagged.data).toHaveLength(3);
    const short = notebookPage.parse((await api("GET", "/api/v1/notebooks?q=oad")).body);
    expect(short.data.map((n) => n.name)).toEqual(["Beta roadmap"]);
    const none = notebookPage.parse((await api("GET", "/api/v1/notebooks?q=%25")).body);
    expect(none.data).toEqual([]);
  });
});

describe("the notebook tree", () => {
  it("nests, moves, and moves back to the top level", async () => {
    const api = apiAs(app(), await registerAccount(app(), "tree"));
    const a = await createNotebook(api, { name: "A" });
    const b = await createNotebook(api, { name: "B", parent_id: a.id });
    const c = await createNotebook(api, { name: "C" });
    const moved = await api("PATCH", `/api/v1/notebooks/${c.id}`, { parent_id: b.id });
    expect(notebookSchema.parse(moved.body).parent_id).toBe(b.id);
    const rooted = await api("PATCH", `/api/v1/notebooks/${b.id}`, { parent_id: null });
    expect(notebookSchema.parse(rooted.body).parent_id).toBeNull();
  });

  it("refuses cycles: into itself or into a descendant", async () => {
    const api = apiAs(app(), await registerAccount(app(), "cycle"));
    const a = await createNotebook(api, { name: "A" });
    const b = await createNotebook(api, { name: "B", parent_id: a.id });
    const c = await createNotebook(api, { name: "C", parent_id: b.id });
    for (const target of [a.id, b.id, c.id]) {
      const reply = await api("PATCH", `/api/v1/notebooks/${a.id}`, { parent_id: target });
      expect(reply.status).toBe(400);
      expect(errorReason(reply)).toBe("cycle");
    }
    const still = notebookSchema.parse((await api("GET", `/api/v1/notebooks/${a.id}`)).body);
    expect(still.parent_id).toBeNull();
  });

  it("lets only one of two opposite concurrent moves through, so no cycle forms", async () => {
    const api = apiAs(app(), await registerAccount(app(), "swap"));
    const a = await createNotebook(api, { name: "A" });
    const b = await createNotebook(api, { name: "B" });
    const replies = await Promise.all([
      api("PATCH", `/api/v1/notebooks/${a.id}`, { parent_id: b.id }),
      api("PATCH", `/api/v1/notebooks/${b.id}`, { parent_id: a.id }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 400]);
    const parents = await Promise.all(
      [a.id, b.id].map(
        async (id) => notebookSchema.parse((await api("GET", `/api/v1/notebooks/${id}`)).body).parent_id,
      ),
    );
    expect(parents.filter((parent) => parent === null)).toHaveLength(1);
  });

  it("caps the depth at five levels, for creates and for moves of whole subtrees", async () => {
    const api = apiAs(app(), await registerAccount(app(), "deep"));
    let parent: Notebook | null = null;
    const chain: Notebook[] = [];
    for (let level = 1; level <= 5; level += 1) {
      parent = await createNotebook(api, { name: `L${level}`, ...(parent ? { parent_id: parent.id } : {}) });
      chain.push(parent);
    }
    const sixth = await api("POST", "/api/v1/notebooks", { name: "L6", parent_id: parent?.id });
    expect(sixth.status).toBe(400);
    expect(errorReason(sixth)).toBe("too_deep");
    const x = await createNotebook(api, { name: "X" });
    await createNotebook(api, { name: "Y", parent_id: x.id });
    const tooDeep = await api("PATCH", `/api/v1/notebooks/${x.id}`, { parent_id: chain[3]?.id });
    expect(errorReason(tooDeep)).toBe("too_deep");
    const fits = await api("PATCH", `/api/v1/notebooks/${x.id}`, { parent_id: chain[2]?.id });
    expect(fits.status).toBe(200);
  });

  it("refuses a parent that is deleted, unknown, or in another space", async () => {
    const alice = await registerAccount(app(), "parent-a");
    const bob = await registerAccount(app(), "parent-b");
    const bobs = await createNotebook(apiAs(app(), bob), { name: "Bob's" });
    const api = apiAs(app(), alice);
    const gone = await createNotebook(api, { name: "Gone" });
    expect((await api("DELETE", `/api/v1/notebooks/${gone.id}`)).status).toBe(204);
    for (const parentId of [gone.id, bobs.id, "0190f3a2-1111-7abc-8def-0123456789ab"]) {
      const reply = await api("POST", "/api/v1/notebooks", {
        name: `child of ${parentId}`,
        parent_id: parentId,
      });
      expect(reply.status).toBe(400);
      expect(errorReason(reply)).toBe("parent_not_found");
    }
  });

  it("soft-deletes a subtree with its documents, counters and one document.deleted event each", async () => {
    const alice = await registerAccount(app(), "cascade");
    const api = apiAs(app(), alice);
    const top = await createNotebook(api, { name: "Top" });
    const mid = await createNotebook(api, { name: "Mid", parent_id: top.id });
    const leaf = await createNotebook(api, { name: "Leaf", parent_id: mid.id });
    const keep = await createNotebook(api, { name: "Keep" });
    const at = { tenantId: personalTenant(alice), spaceId: personalSpace(alice), ownerId: alice.user.id };
    const doomed = [
      await seedDocument(instance.resources.sql, { ...at, notebookId: top.id }),
      await seedDocument(instance.resources.sql, { ...at, notebookId: leaf.id }),
      await seedDocument(instance.resources.sql, { ...at, notebookId: leaf.id }),
    ];
    const kept = await seedDocument(instance.resources.sql, { ...at, notebookId: keep.id });

    expect((await api("DELETE", `/api/v1/notebooks/${top.id}`)).status).toBe(204);
    for (const id of [top.id, mid.id, leaf.id])
      expect((await api("GET", `/api/v1/notebooks/${id}`)).status).toBe(404);
    expect((await api("GET", `/api/v1/documents/${kept.id}`)).status).toBe(200);
    const rows = await instance.resources.sql.withTenant(at.tenantId, (tx) =>
      tx.query<{ id: string; status: string; deleted: boolean }>(
        "SELECT id, status, deleted_at IS NOT NULL AS deleted FROM documents WHERE notebook_id = ANY($1::uuid[])",
        [[top.id, leaf.id]],
      ),
    );
    expect(rows.every((row) => row.status === "deleted" && row.deleted)).toBe(true);
    const counters = await instance.resources.sql.withTenant(at.tenantId, (tx) =>
      tx.query<{ status: string; document_count: number; total_size_bytes: number }>(
        "SELECT status, document_count, total_size_bytes FROM notebooks WHERE id = ANY($1::uuid[])",
        [[top.id, mid.id, leaf.id]],
      ),
    );
    expect(counters).toEqual(
      Array.from({ length: 3 }, () => ({ status: "deleted", document_count: 0, total_size_bytes: 0 })),
    );
    const events = await instance.resources.sql.withTenant(at.tenantId, (tx) =>
      tx.query<{
        data: { document_id: string; notebook_id: string; storage_key: string };
        metadata: Record<string, string>;
      }>("SELECT data, metadata FROM outbox_events WHERE event_type = 'document.deleted' ORDER BY position"),
    );
    expect(events.map((e) => e.data.document_id).sort()).toEqual(doomed.map((d) => d.id).sort());
    for (const event of events) {
      const doc = doomed.find((d) => d.id === event.data.document_id);
      expect(event.data).toEqual({
        document_id: doc?.id,
        notebook_id: doc?.notebook_id,
        storage_key: doc?.storage_key,
      });
      expect(event.metadata).toMatchObject({
        tenant_id: at.tenantId,
        space_id: at.spaceId,
        user_id: alice.user.id,
      });
    }
  });
});

describe("roles and visibility in an organization space (§3.5)", () => {
  it("hides private notebooks from other members, shows shared ones to viewers, lets admins see all", async () => {
    const org = await organizationWithRoles(app());
    const asMember = apiAs(app(), org.member, org.spaceId);
    const asViewer = apiAs(app(), org.viewer, org.spaceId);
    const asAdmin = apiAs(app(), org.admin, org.spaceId);
    const secret = await createNotebook(asMember, { name: "Diary" });
    const team = await createNotebook(asMember, { name: "Team notes", visibility: "shared" });

    const viewerList = notebookPage.parse((await asViewer("GET", "/api/v1/notebooks")).body);
    expect(viewerList.data.map((n) => n.id)).toEqual([team.id]);
    expect((await asViewer("GET", `/api/v1/notebooks/${secret.id}`)).status).toBe(404);
    expect((await asViewer("GET", `/api/v1/notebooks/${team.id}`)).status).toBe(200);

    const adminList = notebookPage.parse((await asAdmin("GET", "/api/v1/notebooks")).body);
    expect(adminList.data.map((n) => n.id).sort()).toEqual([secret.id, team.id].sort());
  });

  it("lets viewers read only, members write their own, owners and admins manage all", async () => {
    const org = await organizationWithRoles(app());
    const asOwner = apiAs(app(), org.owner, org.spaceId);
    const asMember = apiAs(app(), org.member, org.spaceId);
    const asViewer = apiAs(app(), org.viewer, org.spaceId);
    const asAdmin = apiAs(app(), org.admin, org.spaceId);

    const refused = await asViewer("POST", "/api/v1/notebooks", { name: "Nope" });
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe("FORBIDDEN");

    const owners = await createNotebook(asOwner, { name: "Handbook", visibility: "shared" });
    expect((await asMember("PATCH", `/api/v1/notebooks/${owners.id}`, { name: "Mine" })).status).toBe(403);
    expect((await asMember("DELETE", `/api/v1/notebooks/${owners.id}`)).status).toBe(403);
    expect((await asViewer("DELETE", `/api/v1/notebooks/${owners.id}`)).status).toBe(403);
    // A shared notebook is open to members: they may add sub-notebooks to it.
    await createNotebook(asMember, { name: "Member's chapter", parent_id: owners.id });

    const members = await createNotebook(asMember, { name: "Drafts", visibility: "shared" });
    expect(
      (await asAdmin("PATCH", `/api/v1/notebooks/${members.id}`, { description: "Reviewed" })).status,
    ).toBe(200);

    const publish = await asMember("PATCH", `/api/v1/notebooks/${members.id}`, { visibility: "public" });
    expect(publish.status).toBe(403);
    expect((await asMember("POST", "/api/v1/notebooks", { name: "Pub", visibility: "public" })).status).toBe(
      403,
    );
    expect((await asAdmin("PATCH", `/api/v1/notebooks/${members.id}`, { visibility: "public" })).status).toBe(
      200,
    );

    expect((await asAdmin("DELETE", `/api/v1/notebooks/${members.id}`)).status).toBe(204);
  });
});

describe("isolation", () => {
  it("answers 404 for another tenant's notebook, and for a space the caller is not in", async () => {
    const alice = await registerAccount(app(), "iso-a");
    const bob = await registerAccount(app(), "iso-b");
    const secret = await createNotebook(apiAs(app(), alice), { name: "Secret", visibility: "public" });
    const asBob = apiAs(app(), bob);
    for (const method of ["GET", "DELETE"] as const) {
      expect((await asBob(method, `/api/v1/notebooks/${secret.id}`)).status).toBe(404);
    }
    expect((await asBob("PATCH", `/api/v1/notebooks/${secret.id}`, { name: "pwned" })).status).toBe(404);
    const list = notebookPage.parse((await asBob("GET", "/api/v1/notebooks")).body);
    expect(list.data.map((n) => n.name)).toEqual(["Getting Started"]);
    const inAlicesSpace = apiAs(app(), bob, personalSpace(alice));
    expect((await inAlicesSpace("GET", "/api/v1/notebooks")).status).toBe(404);
    expect((await inAlicesSpace("GET", `/api/v1/notebooks/${secret.id}`)).status).toBe(404);
    const still = notebookSchema.parse(
      (await apiAs(app(), alice)("GET", `/api/v1/notebooks/${secret.id}`)).body,
    );
    expect(still.name).toBe("Secret");
  });

  it("does not find a notebook of another space of the same user", async () => {
    const org = await organizationWithRoles(app());
    const inOrg = await createNotebook(apiAs(app(), org.owner, org.spaceId), { name: "Org notes" });
    const inPersonal = apiAs(app(), org.owner);
    expect((await inPersonal("GET", `/api/v1/notebooks/${inOrg.id}`)).status).toBe(404);
    const move = await inPersonal("POST", "/api/v1/notebooks", { name: "Child", parent_id: inOrg.id });
    expect(errorReason(move)).toBe("parent_not_found");
  });
});
