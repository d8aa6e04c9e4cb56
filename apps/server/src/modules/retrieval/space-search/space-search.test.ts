import { documentSchema, spaceSearchResponseSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { waitFor } from "../../../testing/wait-for.js";
import {
  type Account,
  apiAs,
  createNotebook,
  personalSpace,
  personalTenant,
  registerAccount,
} from "../../content/testing/content-client.js";

// Vector search needs pgvector: PGlite has it, the CI PostgreSQL does not (decision 0010).
let instance: TestInstance;
let origin: string;
let alice: Account;
let bob: Account;
let aliceNotebook: string;
let bobNotebook: string;

const GLACIER_NOTE = [
  "# Field notes",
  "",
  "The Perito Moreno glacier advances about two metres per day across Lake Argentino.",
  "Its terminus is five kilometres wide and rises seventy metres above the water.",
  "",
  "## Logistics",
  "",
  "Boats leave from Puerto Bajo de las Sombras every morning at nine.",
].join("\n");

beforeAll(async () => {
  instance = await startTestInstance({
    sqlKind: "pglite",
    role: "all",
    env: { JOBS_POLL_INTERVAL_MS: "100" },
  });
  const app = instance.app;
  if (!app) throw new Error("no app");
  origin = await app.listen({ port: 0, host: "127.0.0.1" });
  alice = await registerAccount(app, "alice-search");
  bob = await registerAccount(app, "bob-search");
  aliceNotebook = (await createNotebook(apiAs(app, alice), { name: "Travel" })).id;
  bobNotebook = (await createNotebook(apiAs(app, bob), { name: "Travel" })).id;
}, 120_000);

afterAll(async () => {
  await instance?.close();
});

const headersOf = (account: Account) => ({
  authorization: `Bearer ${account.access_token}`,
  "x-space-id": personalSpace(account),
});

async function upload(account: Account, notebookId: string, text: string, fileName: string) {
  const form = new FormData();
  form.set("notebook_id", notebookId);
  form.set("tags", "travel");
  form.set("file", new Blob([text]), fileName);
  const res = await fetch(`${origin}/api/v1/documents`, {
    method: "POST",
    headers: headersOf(account),
    body: form,
  });
  expect(res.status).toBe(201);
  const id = String(((await res.json()) as { id: string }).id);
  return waitFor(
    `document ${id} processed`,
    async () => {
      const got = await fetch(`${origin}/api/v1/documents/${id}`, { headers: headersOf(account) });
      const document = documentSchema.parse(await got.json());
      return document.status === "processed" || document.status === "failed" ? document : undefined;
    },
    60_000,
  );
}

async function search(account: Account, body: Record<string, unknown>) {
  const res = await fetch(`${origin}/api/v1/search`, {
    method: "POST",
    headers: { ...headersOf(account), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe("space search over processed documents", () => {
  let documentId: string;

  it("makes a processed document searchable, with citations' coordinates on every passage", async () => {
    const document = await upload(alice, aliceNotebook, GLACIER_NOTE, "glacier.md");
    expect(document.status).toBe("processed");
    documentId = document.id;
    for (const mode of ["hybrid", "vector", "text"] as const) {
      const { status, body } = await search(alice, {
        query: "How fast does the glacier advance?",
        search_mode: mode,
      });
      expect(status, mode).toBe(200);
      const result = spaceSearchResponseSchema.parse(body);
      expect(result.results.length, mode).toBeGreaterThan(0);
      const best = result.results[0];
      expect(best).toMatchObject({
        document_id: documentId,
        document_name: "glacier.md",
        // The note's first paragraph, its heading, is its title.
        document_title: "Field notes",
        notebook_id: aliceNotebook,
      });
      expect(best?.content).toContain("two metres per day");
      expect(best?.start_offset).toBeTypeOf("number");
      expect(best?.heading_path).toContain("Field notes");
      expect(result.stats).toMatchObject({ search_mode: mode, embedding_fallback: true });
    }
  });

  it("ignores rerank over the built-in lexical embedder, whose vectors know no meaning", async () => {
    const { status, body } = await search(alice, {
      query: "How fast does the glacier advance?",
      rerank: true,
    });
    expect(status).toBe(200);
    const result = spaceSearchResponseSchema.parse(body);
    expect(result.stats.reranked).toBe(0);
    expect(result.results[0]?.scores.sentence).toBeNull();
  });

  it("never returns another tenant's passages, even for the same words", async () => {
    await upload(bob, bobNotebook, "Bob's budget spreadsheet notes: nothing about ice.", "bob.txt");
    const { body } = await search(bob, {
      query: "Perito Moreno glacier advances two metres per day",
      top_k: 1000,
    });
    const result = spaceSearchResponseSchema.parse(body);
    expect(result.results.some((passage) => passage.document_id === documentId)).toBe(false);
  });

  it("narrows by notebook, document and tag inside the query", async () => {
    const other = (await createNotebook(apiAs(instance.app as never, alice), { name: "Other" })).id;
    const byNotebook = spaceSearchResponseSchema.parse(
      (await search(alice, { query: "glacier", notebook_ids: [other] })).body,
    );
    expect(byNotebook.results).toEqual([]);
    const byTag = spaceSearchResponseSchema.parse(
      (await search(alice, { query: "glacier", tags: ["travel"] })).body,
    );
    expect(byTag.results.length).toBeGreaterThan(0);
    const byMissingTag = spaceSearchResponseSchema.parse(
      (await search(alice, { query: "glacier", tags: ["finance"] })).body,
    );
    expect(byMissingTag.results).toEqual([]);
  });

  it("answers a documented 400 for an empty query or top_k out of range", async () => {
    const empty = await search(alice, { query: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { code: "INVALID_SEARCH_PARAMS" } });
    for (const top_k of [0, 1001]) {
      const res = await search(alice, { query: "glacier", top_k });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "INVALID_SEARCH_PARAMS" } });
    }
  });

  it("removes a deleted document's vectors", async () => {
    const res = await fetch(`${origin}/api/v1/documents/${documentId}`, {
      method: "DELETE",
      headers: headersOf(alice),
    });
    expect(res.status).toBeLessThan(300);
    const after = spaceSearchResponseSchema.parse(
      (await search(alice, { query: "glacier", top_k: 50 })).body,
    );
    expect(after.results.some((passage) => passage.document_id === documentId)).toBe(false);
    await waitFor("vectors removed", async () => {
      const rows = await instance.resources.sql.withTenant(personalTenant(alice), (tx) =>
        tx.query("SELECT 1 FROM dataset_vectors WHERE document_id = $1", [documentId]),
      );
      return rows.length === 0 ? true : undefined;
    });
  });

  it("reports the embedder in readiness details", async () => {
    const res = await fetch(`${origin}/health/ready`);
    const body = (await res.json()) as { components: { name: string; details?: Record<string, string> }[] };
    const embeddings = body.components.find((component) => component.name === "embeddings");
    expect(embeddings?.details?.model).toMatch(/^lexical-hash-v1/);
    expect(embeddings?.details?.warning).toContain("lexical embedder");
  });
});
