import { type Document, documentSchema, notebookSchema, pageSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestInstance } from "../../../testing/test-instance.js";
import {
  accountWithNotebook,
  apiAs,
  createNotebook,
  errorCode,
  notebookCounters,
  organizationWithRoles,
} from "../testing/content-client.js";
import { startContentTestInstance } from "../testing/content-test-instance.js";
import { seedDocument } from "../testing/document-fixtures.js";
import { transitionDocumentStatus } from "./transition-document-status.js";

let instance: TestInstance;
const app = () => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
const sql = () => instance.resources.sql;

beforeAll(async () => {
  instance = await startContentTestInstance();
});
afterAll(async () => {
  await instance?.close();
});
const documentPage = pageSchema(documentSchema);

describe("document metadata over HTTP", () => {
  it("shows every metadata field after processing, and lists with filters in pages", async () => {
    const { api, notebook, at } = await accountWithNotebook(app(), "meta");
    const doc = await seedDocument(sql(), at, {
      name: "q3 report.pdf",
      description: "Quarterly numbers",
      tags: ["finance"],
    });
    await sql().withTenant(at.tenantId, async (tx) => {
      await transitionDocumentStatus(tx, doc.id, "processing");
      await transitionDocumentStatus(tx, doc.id, "processed", {
        language: "en",
        languageConfidence: 0.97,
        piiSummary: { EMAIL_ADDRESS: 2 },
        sensitivityLevel: "confidential",
        complianceFlags: ["GDPR"],
        classification: { content_category: "financial", confidence: 0.8, evidence: ["revenue"] },
        pageCount: 3,
        chunkCount: 12,
        processingTimeMs: 850,
      });
    });
    const got = documentSchema.parse((await api("GET", `/api/v1/documents/${doc.id}`)).body);
    expect(got).toMatchObject({
      id: doc.id,
      notebook_id: notebook.id,
      status: "processed",
      language: "en",
      pii_summary: { EMAIL_ADDRESS: 2 },
      sensitivity_level: "confidential",
      compliance_flags: ["GDPR"],
      classification: { content_category: "financial", confidence: 0.8, evidence: ["revenue"] },
      page_count: 3,
      chunk_count: 12,
      processing_time_ms: 850,
      error: null,
      duplicate_of: null,
      processing_tier: "tier1",
    });
    expect(got.language_confidence).toBeCloseTo(0.97);
    expect(got.processed_at).not.toBeNull();
    expect(got.processing_started_at).not.toBeNull();
    expect(got).not.toHaveProperty("storage_key");

    const other = await seedDocument(sql(), at, { name: "photo.png", format: "png", mimeType: "image/png" });
    const third = await seedDocument(sql(), at, { name: "notes.md", format: "markdown" });
    const all: Document[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor ? `&cursor=${cursor}` : "";
      const page = documentPage.parse((await api("GET", `/api/v1/documents?limit=2${suffix}`)).body);
      all.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    expect(all.map((d) => d.id)).toEqual([third.id, other.id, doc.id]);

    const processed = documentPage.parse((await api("GET", "/api/v1/documents?status=processed")).body);
    expect(processed.data.map((d) => d.id)).toEqual([doc.id]);
    const found = documentPage.parse((await api("GET", "/api/v1/documents?q=quarter")).body);
    expect(found.data.map((d) => d.id)).toEqual([doc.id]);
    const byTag = documentPage.parse((await api("GET", "/api/v1/documents?q=finance")).body);
    expect(byTag.data.map((d) => d.id)).toEqual([doc.id]);
    const byFileName = documentPage.parse((await api("GET", "/api/v1/documents?q=photo.png")).body);
    expect(byFileName.data.map((d) => d.id)).toEqual([other.id]);
    const inNotebook = documentPage.parse(
      (await api("GET", `/api/v1/documents?notebook_id=${notebook.id}`)).body,
    );
    expect(inNotebook.data).toHaveLength(3);

    await sql().withTenant(at.tenantId, (tx) => transitionDocumentStatus(tx, doc.id, "archived"));
    const visible = documentPage.parse((await api("GET", "/api/v1/documents")).body);
    expect(visible.data.map((d) => d.id)).not.toContain(doc.id);
    const archived = documentPage.parse((await api("GET", "/api/v1/documents?status=archived")).body);
    expect(archived.data.map((d) => d.id)).toEqual([doc.id]);
  });

  it("renames (sanitized), re-tags and moves a document, shifting both notebooks' counters", async () => {
    const { account, api, notebook, at } = await accountWithNotebook(app(), "patch");
    const target = await createNotebook(api, { name: "Archive" });
    const doc = await seedDocument(sql(), at, { content: "x".repeat(1000) });
    await seedDocument(sql(), at, { content: "y".repeat(10) });
    expect(await notebookCounters(app(), account, notebook.id)).toEqual({
      document_count: 2,
      total_size_bytes: 1010,
    });

    const renamed = await api("PATCH", `/api/v1/documents/${doc.id}`, {
      name: "../secret:plan?.pdf",
      description: "the plan",
      tags: ["plans"],
    });
    expect(documentSchema.parse(renamed.body)).toMatchObject({
      name: "__secret_plan_.pdf",
      description: "the plan",
      tags: ["plans"],
    });
    const moved = await api("PATCH", `/api/v1/documents/${doc.id}`, { notebook_id: target.id });
    expect(documentSchema.parse(moved.body).notebook_id).toBe(target.id);
    expect(await notebookCounters(app(), account, notebook.id)).toEqual({
      document_count: 1,
      total_size_bytes: 10,
    });
    expect(await notebookCounters(app(), account, target.id)).toEqual({
      document_count: 1,
      total_size_bytes: 1000,
    });
  });

  it("deletes: 204, counters down, a document.deleted event, then 404", async () => {
    const { account, api, notebook, at } = await accountWithNotebook(app(), "delete");
    const doc = await seedDocument(sql(), at, { content: "hello" });
    expect((await api("DELETE", `/api/v1/documents/${doc.id}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/documents/${doc.id}`)).status).toBe(404);
    expect((await api("DELETE", `/api/v1/documents/${doc.id}`)).status).toBe(404);
    expect((await api("PATCH", `/api/v1/documents/${doc.id}`, { description: "x" })).status).toBe(404);
    expect(await notebookCounters(app(), account, notebook.id)).toEqual({
      document_count: 0,
      total_size_bytes: 0,
    });
    const events = await sql().withTenant(at.tenantId, (tx) =>
      tx.query<{ data: unknown; metadata: Record<string, string> }>(
        "SELECT data, metadata FROM outbox_events WHERE event_type = 'document.deleted'",
      ),
    );
    expect(events).toEqual([
      {
        data: { document_id: doc.id, notebook_id: notebook.id, storage_key: doc.storage_key },
        metadata: { tenant_id: at.tenantId, space_id: at.spaceId, user_id: account.user.id },
      },
    ]);
  });

  it("lets the document's owner, the notebook's owner and admins delete; not other members or viewers", async () => {
    const org = await organizationWithRoles(app());
    const asOwner = apiAs(app(), org.owner, org.spaceId);
    const asMember = apiAs(app(), org.member, org.spaceId);
    const asViewer = apiAs(app(), org.viewer, org.spaceId);
    const asAdmin = apiAs(app(), org.admin, org.spaceId);
    const shared = await createNotebook(asOwner, { name: "Shared", visibility: "shared" });
    const at = { tenantId: org.tenantId, spaceId: org.spaceId, notebookId: shared.id };
    const byOwner = await seedDocument(sql(), { ...at, ownerId: org.owner.user.id });
    const byMember = await seedDocument(sql(), { ...at, ownerId: org.member.user.id });
    const another = await seedDocument(sql(), { ...at, ownerId: org.member.user.id });

    expect((await asViewer("GET", `/api/v1/documents/${byOwner.id}`)).status).toBe(200);
    expect((await asViewer("PATCH", `/api/v1/documents/${byOwner.id}`, { description: "x" })).status).toBe(
      403,
    );
    expect((await asViewer("DELETE", `/api/v1/documents/${byMember.id}`)).status).toBe(403);
    const refused = await asMember("DELETE", `/api/v1/documents/${byOwner.id}`);
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect((await asMember("DELETE", `/api/v1/documents/${byMember.id}`)).status).toBe(204);
    expect((await asOwner("DELETE", `/api/v1/documents/${another.id}`)).status).toBe(204);
    expect((await asAdmin("DELETE", `/api/v1/documents/${byOwner.id}`)).status).toBe(204);
  });

  it("hides documents of a private notebook from other members", async () => {
    const org = await organizationWithRoles(app());
    const asMember = apiAs(app(), org.member, org.spaceId);
    const privateNotebook = await createNotebook(apiAs(app(), org.admin, org.spaceId), { name: "Board" });
    const doc = await seedDocument(sql(), {
      tenantId: org.tenantId,
      spaceId: org.spaceId,
      notebookId: privateNotebook.id,
      ownerId: org.admin.user.id,
    });
    expect((await asMember("GET", `/api/v1/documents/${doc.id}`)).status).toBe(404);
    expect(documentPage.parse((await asMember("GET", "/api/v1/documents")).body).data).toEqual([]);
    expect((await asMember("GET", `/api/v1/documents?notebook_id=${privateNotebook.id}`)).status).toBe(404);
    const asOwner = apiAs(app(), org.owner, org.spaceId);
    expect(documentSchema.parse((await asOwner("GET", `/api/v1/documents/${doc.id}`)).body).id).toBe(doc.id);
  });
});

describe("isolation and bad input", () => {
  it("answers 404 for another tenant's document and refuses moves into another tenant's notebook", async () => {
    const alice = await accountWithNotebook(app(), "iso-alice");
    const bob = await accountWithNotebook(app(), "iso-bob");
    const secret = await seedDocument(sql(), alice.at);
    const bobs = await seedDocument(sql(), bob.at);
    expect((await bob.api("GET", `/api/v1/documents/${secret.id}`)).status).toBe(404);
    expect((await bob.api("PATCH", `/api/v1/documents/${secret.id}`, { name: "pwned.pdf" })).status).toBe(
      404,
    );
    expect((await bob.api("DELETE", `/api/v1/documents/${secret.id}`)).status).toBe(404);
    expect((await bob.api("GET", `/api/v1/documents?notebook_id=${alice.notebook.id}`)).status).toBe(404);
    const move = await bob.api("PATCH", `/api/v1/documents/${bobs.id}`, { notebook_id: alice.notebook.id });
    expect(move.status).toBe(400);
    const inAlicesSpace = apiAs(app(), bob.account, alice.at.spaceId);
    expect((await inAlicesSpace("GET", `/api/v1/documents/${secret.id}`)).status).toBe(404);
    expect((await inAlicesSpace("GET", "/api/v1/documents")).status).toBe(404);
    const still = documentSchema.parse((await alice.api("GET", `/api/v1/documents/${secret.id}`)).body);
    expect(still.name).toBe("report.pdf");
  });

  it("answers bad input with a 4xx and the error envelope, changing nothing", async () => {
    const { account, api, notebook, at } = await accountWithNotebook(app(), "bad");
    const doc = await seedDocument(sql(), at);
    const long = "x".repeat(2_000);
    const nb = `/api/v1/notebooks/${notebook.id}`;
    const dc = `/api/v1/documents/${doc.id}`;
    const cases: Array<[method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown]> = [
      ["GET", "/api/v1/notebooks?limit=0"],
      ["GET", "/api/v1/notebooks?limit=101"],
      ["GET", "/api/v1/notebooks?cursor=nope"],
      ["GET", `/api/v1/notebooks?cursor=${Buffer.from('["2024-01-01", "x"]').toString("base64url")}`],
      ["GET", "/api/v1/notebooks?parent_id=abc"],
      ["GET", "/api/v1/notebooks?unknown=1"],
      ["GET", `/api/v1/notebooks?q=${"q".repeat(300)}`],
      ["POST", "/api/v1/notebooks", {}],
      ["POST", "/api/v1/notebooks", { name: "  " }],
      ["POST", "/api/v1/notebooks", { name: long }],
      ["POST", "/api/v1/notebooks", { name: "N", description: long }],
      ["POST", "/api/v1/notebooks", { name: "N", visibility: "everyone" }],
      ["POST", "/api/v1/notebooks", { name: "N", tags: ["a", "a"] }],
      ["POST", "/api/v1/notebooks", { name: "N", tags: ["t".repeat(51)] }],
      ["POST", "/api/v1/notebooks", { name: "N", parent_id: "not-a-uuid" }],
      ["POST", "/api/v1/notebooks", { name: "N", extra: true }],
      ["GET", "/api/v1/notebooks/not-a-uuid"],
      ["PATCH", nb, {}],
      ["PATCH", nb, { name: 5 }],
      ["PATCH", nb, { status: "deleted" }],
      ["PATCH", nb, { parent_id: notebook.id }],
      ["DELETE", "/api/v1/notebooks/123"],
      ["GET", "/api/v1/documents?status=deleted"],
      ["GET", "/api/v1/documents?status=ready"],
      ["GET", "/api/v1/documents?notebook_id=x"],
      ["GET", "/api/v1/documents?limit=-1"],
      ["GET", "/api/v1/documents/not-a-uuid"],
      ["PATCH", dc, {}],
      ["PATCH", dc, { name: "" }],
      ["PATCH", dc, { status: "processed" }],
      ["PATCH", dc, { notebook_id: "0190f3a2-1111-7abc-8def-0123456789ab" }],
      ["PATCH", dc, { tags: "a,b" }],
      ["DELETE", "/api/v1/documents/nope"],
    ];
    for (const [method, url, payload] of cases) {
      const reply = await api(method, url, payload);
      expect(
        reply.status,
        `${method} ${url} ${JSON.stringify(payload)} → ${JSON.stringify(reply.body)}`,
      ).toBeGreaterThanOrEqual(400);
      expect(reply.status, `${method} ${url}`).toBeLessThan(500);
      expect(errorCode(reply)).toMatch(/^[A-Z_]+$/);
    }
    const noSpace = await app().inject({
      method: "GET",
      url: "/api/v1/notebooks",
      headers: { authorization: `Bearer ${account.access_token}` },
    });
    expect(noSpace.statusCode).toBe(400);
    const anonymous = await app().inject({ method: "GET", url: "/api/v1/documents" });
    expect(anonymous.statusCode).toBe(401);
    expect(documentSchema.parse((await api("GET", dc)).body).name).toBe("report.pdf");
    expect(notebookSchema.parse((await api("GET", nb)).body)).toMatchObject({
      name: "Inbox",
      parent_id: null,
    });
  });
});
