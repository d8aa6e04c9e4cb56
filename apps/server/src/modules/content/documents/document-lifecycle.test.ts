import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors/index.js";
import type { TestInstance } from "../../../testing/test-instance.js";
import { findNotebookForUpload, softDeleteSpaceContent } from "../index.js";
import {
  accountWithNotebook,
  apiAs,
  createNotebook,
  notebookCounters,
  organizationWithRoles,
} from "../testing/content-client.js";
import { startContentTestInstance } from "../testing/content-test-instance.js";
import { seedDocument } from "../testing/document-fixtures.js";
import {
  countUploadingDocuments,
  findDuplicateDocument,
  getDocument,
  spaceStorageBytes,
} from "./document-lookups.js";
import { transitionDocumentStatus } from "./transition-document-status.js";

/** The tx-level API ingestion calls: the status machine, upload lookups, counters under concurrency. */
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

describe("the status machine (transitionDocumentStatus)", () => {
  it("follows §4.3 with reprocessing, and refuses everything else with CONFLICT", async () => {
    const { at } = await accountWithNotebook(app(), "machine");
    const doc = await seedDocument(sql(), at);
    const step = (to: Parameters<typeof transitionDocumentStatus>[2], patch = {}) =>
      sql().withTenant(at.tenantId, (tx) => transitionDocumentStatus(tx, doc.id, to, patch));

    await expect(step("processed")).rejects.toThrow("Illegal status transition uploading → processed");
    expect((await step("processing")).status).toBe("processing");
    const back = await step("uploading").catch((error: unknown) => error);
    expect(back).toBeInstanceOf(AppError);
    expect((back as AppError).code).toBe("CONFLICT");
    expect((back as AppError).message).toBe("Illegal status transition processing → uploading");
    await expect(step("archived")).rejects.toThrow("processing → archived");

    const failed = await step("failed", { error: "Processing failed: corrupted file" });
    expect(failed).toMatchObject({ status: "failed", error: "Processing failed: corrupted file" });
    const again = await step("processing");
    expect(again).toMatchObject({ status: "processing", error: null });
    const done = await step("processed", { chunkCount: 4 });
    expect(done).toMatchObject({ status: "processed", chunk_count: 4 });
    expect(done.processed_at).toBeInstanceOf(Date);
    expect((await step("processing")).status).toBe("processing");
    await step("processed");
    expect((await step("archived")).status).toBe("archived");
    expect((await step("processed")).status).toBe("processed");
  });

  it("takes a deleted document off the counters and emits document.deleted; nothing leaves deleted", async () => {
    const { account, notebook, at } = await accountWithNotebook(app(), "machine-delete");
    const doc = await seedDocument(sql(), at, { content: "abc", status: "processing" });
    expect(doc.processing_started_at).toBeInstanceOf(Date);
    const step = (to: Parameters<typeof transitionDocumentStatus>[2]) =>
      sql().withTenant(at.tenantId, (tx) => transitionDocumentStatus(tx, doc.id, to));
    await expect(step("deleted")).rejects.toThrow("Illegal status transition processing → deleted");
    await step("failed");
    const deleted = await step("deleted");
    expect(deleted.status).toBe("deleted");
    expect(deleted.deleted_at).toBeInstanceOf(Date);
    expect(await notebookCounters(app(), account, notebook.id)).toEqual({
      document_count: 0,
      total_size_bytes: 0,
    });
    await expect(step("processing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [events] = await sql().withTenant(at.tenantId, (tx) =>
      tx.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox_events WHERE event_type = 'document.deleted'",
      ),
    );
    expect(events?.n).toBe(1);
    expect(await sql().withTenant(at.tenantId, (tx) => getDocument(tx, doc.id))).toBeNull();
  });

  it("lets only one of two racing transitions from the same status win", async () => {
    const { at } = await accountWithNotebook(app(), "race");
    const doc = await seedDocument(sql(), at, { status: "processing" });
    // Two workers finishing the same job: the second finds it processed already.
    const results = await Promise.allSettled(
      [1, 2].map((worker) =>
        sql().withTenant(at.tenantId, (tx) =>
          transitionDocumentStatus(tx, doc.id, "processed", { chunkCount: worker }),
        ),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected");
    expect(lost?.status === "rejected" && (lost.reason as AppError).code).toBe("CONFLICT");
  });
});

describe("what uploads need", () => {
  it("finds the upload notebook, duplicates, uploads in flight and storage in use", async () => {
    const { api, notebook, at } = await accountWithNotebook(app(), "upload");
    const other = await accountWithNotebook(app(), "upload-other");
    const ready = await seedDocument(sql(), at, { content: "same bytes", status: "processing" });
    await seedDocument(sql(), at, { content: "four" });
    const failed = await seedDocument(sql(), at, { content: "failed bytes", status: "processing" });
    await sql().withTenant(at.tenantId, (tx) => transitionDocumentStatus(tx, failed.id, "failed"));

    await sql().withTenant(at.tenantId, async (tx) => {
      expect(await findNotebookForUpload(tx, { spaceId: at.spaceId, notebookId: notebook.id })).toEqual({
        id: notebook.id,
        tenantId: at.tenantId,
        spaceId: at.spaceId,
        ownerId: at.ownerId,
        visibility: "private",
      });
      expect(
        await findNotebookForUpload(tx, { spaceId: other.at.spaceId, notebookId: notebook.id }),
      ).toBeNull();
      expect(
        await findNotebookForUpload(tx, { spaceId: at.spaceId, notebookId: other.notebook.id }),
      ).toBeNull();
      expect(await findDuplicateDocument(tx, { checksumSha256: ready.checksum_sha256 })).toEqual({
        id: ready.id,
      });
      expect(await findDuplicateDocument(tx, { checksumSha256: failed.checksum_sha256 })).toBeNull();
      expect(await countUploadingDocuments(tx, at.spaceId)).toBe(1);
      expect(await spaceStorageBytes(tx, at.tenantId)).toBe(10 + 4 + 12);
    });
    // The other tenant sees none of it.
    await sql().withTenant(other.at.tenantId, async (tx) => {
      expect(await findDuplicateDocument(tx, { checksumSha256: ready.checksum_sha256 })).toBeNull();
      expect(await getDocument(tx, ready.id)).toBeNull();
      expect(await spaceStorageBytes(tx, at.tenantId)).toBe(0);
    });
    expect((await api("DELETE", `/api/v1/notebooks/${notebook.id}`)).status).toBe(204);
    await sql().withTenant(at.tenantId, async (tx) => {
      expect(await findNotebookForUpload(tx, { spaceId: at.spaceId, notebookId: notebook.id })).toBeNull();
      expect(await spaceStorageBytes(tx, at.tenantId)).toBe(0);
    });
    await expect(seedDocument(sql(), at)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("notebook counters under concurrency", () => {
  it("stay equal to COUNT(*) and SUM(size_bytes) after parallel inserts, moves and deletes", async () => {
    const { api, notebook, at } = await accountWithNotebook(app(), "concurrent");
    const second = await createNotebook(api, { name: "Second" });
    const seeded = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        seedDocument(
          sql(),
          { ...at, notebookId: i % 2 === 0 ? notebook.id : second.id },
          { content: "z".repeat(i + 1) },
        ),
      ),
    );
    await Promise.all([
      ...seeded.slice(0, 6).map((doc) => api("DELETE", `/api/v1/documents/${doc.id}`)),
      ...seeded
        .slice(6, 12)
        .map((doc, i) =>
          api("PATCH", `/api/v1/documents/${doc.id}`, { notebook_id: i % 2 === 0 ? second.id : notebook.id }),
        ),
      ...Array.from({ length: 20 }, (_, i) =>
        seedDocument(
          sql(),
          { ...at, notebookId: i % 3 === 0 ? second.id : notebook.id },
          { content: "w".repeat(i) },
        ),
      ),
      // Deleting the same document twice at once takes it off the counters once.
      api("DELETE", `/api/v1/documents/${seeded[19]?.id}`),
      api("DELETE", `/api/v1/documents/${seeded[19]?.id}`),
    ]);
    const rows = await sql().withTenant(at.tenantId, (tx) =>
      tx.query<{
        id: string;
        document_count: number;
        total_size_bytes: number;
        counted: number;
        summed: number;
      }>(
        `SELECT n.id, n.document_count, n.total_size_bytes,
           (SELECT count(*)::int FROM documents d WHERE d.notebook_id = n.id AND d.status <> 'deleted') AS counted,
           (SELECT coalesce(sum(size_bytes), 0)::bigint FROM documents d WHERE d.notebook_id = n.id AND d.status <> 'deleted') AS summed
         FROM notebooks n WHERE n.id = ANY($1::uuid[])`,
        [[notebook.id, second.id]],
      ),
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.document_count).toBe(row.counted);
      expect(row.total_size_bytes).toBe(row.summed);
    }
    expect(rows.reduce((sum, row) => sum + row.document_count, 0)).toBe(20 - 7 + 20);
  });

  it("leave no live document in a notebook deleted while documents are inserted into it", async () => {
    const { api, notebook, at } = await accountWithNotebook(app(), "delete-race");
    const inserts = Array.from({ length: 10 }, () =>
      seedDocument(sql(), at).then(
        () => "inserted",
        (e: unknown) => e,
      ),
    );
    const [deleted, ...outcomes] = await Promise.all([
      api("DELETE", `/api/v1/notebooks/${notebook.id}`),
      ...inserts,
    ]);
    expect(deleted?.status).toBe(204);
    for (const outcome of outcomes)
      if (outcome !== "inserted") expect(outcome).toMatchObject({ code: "NOT_FOUND" });
    const [live] = await sql().withTenant(at.tenantId, (tx) =>
      tx.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM documents WHERE notebook_id = $1 AND deleted_at IS NULL",
        [notebook.id],
      ),
    );
    expect(live?.n).toBe(0);
  });
});

describe("deleting a space's content (softDeleteSpaceContent)", () => {
  it("soft-deletes every notebook and document of the space, once, and nothing elsewhere", async () => {
    const org = await organizationWithRoles(app());
    const api = apiAs(app(), org.owner, org.spaceId);
    const top = await createNotebook(api, { name: "Top" });
    const child = await createNotebook(api, { name: "Child", parent_id: top.id });
    const at = { tenantId: org.tenantId, spaceId: org.spaceId, ownerId: org.owner.user.id };
    await seedDocument(sql(), { ...at, notebookId: top.id });
    await seedDocument(sql(), { ...at, notebookId: child.id });
    const elsewhere = await accountWithNotebook(app(), "space-elsewhere");
    const kept = await seedDocument(sql(), elsewhere.at);

    const first = await sql().withTenant(org.tenantId, (tx) =>
      softDeleteSpaceContent(tx, { spaceId: org.spaceId }),
    );
    expect(first).toEqual({ notebooks: 2, documents: 2 });
    const again = await sql().withTenant(org.tenantId, (tx) =>
      softDeleteSpaceContent(tx, { spaceId: org.spaceId }),
    );
    expect(again).toEqual({ notebooks: 0, documents: 0 });
    expect((await api("GET", `/api/v1/notebooks/${top.id}`)).status).toBe(404);
    const [events] = await sql().withTenant(org.tenantId, (tx) =>
      tx.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox_events WHERE event_type = 'document.deleted'",
      ),
    );
    expect(events?.n).toBe(2);
    expect(await sql().withTenant(elsewhere.at.tenantId, (tx) => getDocument(tx, kept.id))).not.toBeNull();
  });
});
