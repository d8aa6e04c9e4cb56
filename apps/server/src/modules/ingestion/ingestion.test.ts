import { documentChunkListSchema, documentSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../testing/test-instance.js";
import { waitFor } from "../../testing/wait-for.js";
import {
  type Account,
  apiAs,
  createNotebook,
  personalSpace,
  registerAccount,
} from "../content/testing/content-client.js";
import { makeTextPdf } from "./testing/fixtures/pdf-fixtures.js";
import { MARKDOWN_WITH_HEADINGS, PLANTED_PII, PLANTED_PII_TEXT } from "./testing/fixtures/text-fixtures.js";

let instance: TestInstance;
let origin: string;
let account: Account;
let notebookId: string;

beforeAll(async () => {
  instance = await startTestInstance({
    role: "all",
    env: { PII_POLICY: "redact", JOBS_POLL_INTERVAL_MS: "100" },
  });
  const app = instance.app;
  if (!app) throw new Error("no app");
  origin = await app.listen({ port: 0, host: "127.0.0.1" });
  account = await registerAccount(app, "ingest");
  notebookId = (await createNotebook(apiAs(app, account), { name: "Inbox" })).id;
}, 120_000);

afterAll(async () => {
  await instance?.close();
});

function headers(): Record<string, string> {
  return { authorization: `Bearer ${account.access_token}`, "x-space-id": personalSpace(account) };
}

async function upload(content: Uint8Array | string, fileName: string) {
  const form = new FormData();
  form.set("notebook_id", notebookId);
  form.set("tags", "test,ingest");
  form.set("file", new Blob([content]), fileName);
  const res = await fetch(`${origin}/api/v1/documents`, { method: "POST", headers: headers(), body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function processed(id: string) {
  return waitFor(
    `document ${id} finished`,
    async () => {
      const res = await fetch(`${origin}/api/v1/documents/${id}`, { headers: headers() });
      const document = documentSchema.parse(await res.json());
      return document.status === "processed" || document.status === "failed" ? document : undefined;
    },
    60_000,
  );
}

async function chunksOf(id: string) {
  const res = await fetch(`${origin}/api/v1/documents/${id}/chunks?limit=100`, { headers: headers() });
  return documentChunkListSchema.parse(await res.json()).data;
}

describe("document processing", () => {
  it("processes a multi-page PDF with page numbers on its chunks", async () => {
    const pdf = await makeTextPdf([
      ["Quarterly report, first page.", "Revenue grew in every region this quarter."],
      ["Second page of the report.", "Costs fell and margins improved."],
    ]);
    const created = await upload(pdf, "report.pdf");
    expect(created.status).toBe(201);
    const document = await processed(String(created.body.id));
    expect(document).toMatchObject({ status: "processed", format: "pdf", page_count: 2, language: "en" });
    const chunks = await chunksOf(document.id);
    expect(chunks.length).toBeGreaterThan(0);
    const pages = new Set(chunks.flatMap((chunk) => chunk.pages));
    expect([...pages].sort()).toEqual([1, 2]);
  });

  it("keeps markdown heading paths", async () => {
    const long = (topic: string) => `${topic} matters. `.repeat(80);
    const markdown = `${MARKDOWN_WITH_HEADINGS}\n\n# Guide\n\n## Install\n\n${long("Installing")}\n\n## Usage\n\n${long("Using")}\n`;
    const created = await upload(markdown, "notes.md");
    const document = await processed(String(created.body.id));
    expect(document.status).toBe("processed");
    const chunks = await chunksOf(document.id);
    expect(chunks.some((chunk) => chunk.heading_path.join("/") === "Guide/Install")).toBe(true);
  });

  it("redacts every planted value before chunking under the redact policy", async () => {
    const created = await upload(PLANTED_PII_TEXT, "customer.txt");
    const document = await processed(String(created.body.id));
    expect(document.status).toBe("processed");
    expect(document.pii_summary).toMatchObject({ pii_detected: true });
    const text = (await chunksOf(document.id)).map((chunk) => chunk.content).join("\n");
    for (const value of Object.values(PLANTED_PII)) expect(text).not.toContain(value);
  });

  it("refuses an empty file and an unknown binary with clear 4xx errors", async () => {
    expect((await upload(new Uint8Array(0), "empty.txt")).status).toBe(400);
    const binary = new Uint8Array(4096).map((_, index) => (index * 7919) % 256);
    expect((await upload(binary, "data.pdf")).status).toBe(415);
  });

  it("deleting a document removes its object and its chunks", async () => {
    const created = await upload("A short note about deletion and cleanup.", "note.txt");
    const document = await processed(String(created.body.id));
    const [row] = await instance.resources.sql.withTenant(document.tenant_id, (tx) =>
      tx.query<{ storage_key: string }>("SELECT storage_key FROM documents WHERE id = $1", [document.id]),
    );
    const key = row?.storage_key ?? "";
    expect(await instance.resources.objects.head(key)).not.toBeNull();
    const res = await fetch(`${origin}/api/v1/documents/${document.id}`, {
      method: "DELETE",
      headers: headers(),
    });
    expect(res.status).toBe(204);
    await waitFor("object and chunks removed", async () => {
      const chunks = await instance.resources.sql.withTenant(document.tenant_id, (tx) =>
        tx.query("SELECT 1 FROM document_chunks WHERE document_id = $1", [document.id]),
      );
      return chunks.length === 0 && (await instance.resources.objects.head(key)) === null ? true : undefined;
    });
  });
});
