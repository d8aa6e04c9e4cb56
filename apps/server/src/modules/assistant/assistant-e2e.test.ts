import {
  assistantAnswerSchema,
  documentChunkListSchema,
  documentSchema,
  organizationSchema,
} from "@tributary/contracts";
import { type FakeLlm, replyText, startFakeLlm } from "@tributary/fake-llm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../testing/test-instance.js";
import { waitFor } from "../../testing/wait-for.js";
import {
  type Account,
  apiAs,
  createNotebook,
  personalSpace,
  personalTenant,
  registerAccount,
} from "../content/testing/content-client.js";
import { usageRowsOf, waitForUsageRows } from "../usage/testing/usage-rows.js";

// The whole path: real uploads, processing, indexing and hybrid space search (PGlite has pgvector),
// the real gateway in front of the fake upstream.
let instance: TestInstance;
let fake: FakeLlm;
let origin: string;
let alice: Account;
let bob: Account;
let orgSpace: string;

const MILL_HISTORY = [
  "The Acme mill was founded in 1887 by Mara Lind on the banks of the river Tarn.",
  "At its peak the mill employed forty weavers and exported wool to Norway.",
  "",
  "The mill closed in 1931 after the great flood destroyed its wheel.",
].join("\n");
const HERON_PLAN = "Project Heron launches on the twelfth of March from the northern pier.";

beforeAll(async () => {
  fake = await startFakeLlm();
  const providers = [
    {
      name: "openai-up",
      type: "openai_compatible",
      base_url: `${fake.url}/v1`,
      api_key: "sk-upstream",
      timeout_ms: 5_000,
      models: [{ name: "fake-gpt", prices: { input: 1, output: 2 }, capabilities: ["streaming"] }],
    },
  ];
  instance = await startTestInstance({
    sqlKind: "pglite",
    role: "all",
    env: {
      JOBS_POLL_INTERVAL_MS: "100",
      GATEWAY_USAGE_FLUSH_MS: "50",
      TRIBUTARY_PROVIDERS: JSON.stringify(providers),
    },
  });
  const app = instance.app;
  if (!app) throw new Error("no app");
  origin = await app.listen({ port: 0, host: "127.0.0.1" });
  alice = await registerAccount(app, "alice-assistant");
  bob = await registerAccount(app, "bob-assistant");
  const organization = await app.inject({
    method: "POST",
    url: "/api/v1/organizations",
    headers: { authorization: `Bearer ${alice.access_token}` },
    payload: { name: "Heron team" },
  });
  orgSpace = organizationSchema.parse(organization.json()).space_id;
  await uploadProcessed(alice, personalSpace(alice), MILL_HISTORY, "mill-history.txt");
  await uploadProcessed(alice, orgSpace, HERON_PLAN, "heron-plan.txt");
  await uploadProcessed(bob, personalSpace(bob), `${HERON_PLAN} The Acme mill sponsors it.`, "bob-heron.txt");
}, 240_000);

afterAll(async () => {
  await instance?.close();
  await fake?.close();
});

function headers(account: Account, spaceId: string) {
  return { authorization: `Bearer ${account.access_token}`, "x-space-id": spaceId };
}

async function uploadProcessed(account: Account, spaceId: string, text: string, fileName: string) {
  const app = instance.app;
  if (!app) throw new Error("no app");
  const notebook = await createNotebook(apiAs(app, account, spaceId), { name: `Docs ${fileName}` });
  const form = new FormData();
  form.set("notebook_id", notebook.id);
  form.set("file", new Blob([text]), fileName);
  const res = await fetch(`${origin}/api/v1/documents`, {
    method: "POST",
    headers: headers(account, spaceId),
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload ${fileName}: ${res.status} ${await res.text()}`);
  const id = documentSchema.parse(await res.json()).id;
  const document = await waitFor(
    `${fileName} processed`,
    async () => {
      const reply = await fetch(`${origin}/api/v1/documents/${id}`, { headers: headers(account, spaceId) });
      const current = documentSchema.parse(await reply.json());
      return current.status === "processed" || current.status === "failed" ? current : undefined;
    },
    90_000,
  );
  expect(document.status).toBe("processed");
  // Indexing follows processing: wait until space search finds the document.
  await waitFor(
    `${fileName} searchable`,
    async () => {
      const reply = await fetch(`${origin}/api/v1/search`, {
        method: "POST",
        headers: { ...headers(account, spaceId), "content-type": "application/json" },
        body: JSON.stringify({ query: text.split(" ").slice(0, 6).join(" "), search_mode: "text" }),
      });
      const body = (await reply.json()) as { results?: Array<{ document_id: string }> };
      return body.results?.some((result) => result.document_id === id) ? true : undefined;
    },
    60_000,
  );
  return id;
}

async function ask(account: Account, spaceId: string, body: Record<string, unknown>) {
  const res = await fetch(`${origin}/api/v1/query`, {
    method: "POST",
    headers: { ...headers(account, spaceId), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe("the assistant over real retrieval", () => {
  it("cites real chunks, with the quote's exact offsets in the document's text", async () => {
    fake.enqueue(
      replyText(
        'The mill was founded in 1887 by Mara Lind [1].\n\nQUOTES:\n[1] "founded in 1887 by Mara Lind"',
      ),
    );
    const reply = await ask(alice, personalSpace(alice), {
      question: "Who founded the Acme mill, and when?",
    });
    expect(reply.status).toBe(200);
    const answer = assistantAnswerSchema.parse(reply.body);
    expect(answer).toMatchObject({ mode: "generative", grounded: true });
    const [citation] = answer.citations;
    expect(citation?.document_name).toBe("mill-history.txt");
    const chunks = await fetch(`${origin}/api/v1/documents/${citation?.document_id}/chunks?limit=100`, {
      headers: headers(alice, personalSpace(alice)),
    });
    const chunk = documentChunkListSchema
      .parse(await chunks.json())
      .data.find((c) => c.id === citation?.chunk_id);
    expect(chunk).toBeDefined();
    const from = (citation?.start_offset ?? 0) - (chunk?.start_offset ?? 0);
    expect(chunk?.content.slice(from, from + (citation?.quote.length ?? 0))).toBe(
      "founded in 1887 by Mara Lind",
    );
    expect(MILL_HISTORY.slice(citation?.start_offset ?? 0, citation?.end_offset ?? 0)).toBe(citation?.quote);
  });

  it("answers 'not found' for what the space does not hold, without any model call", async () => {
    const before = fake.requests.length;
    const reply = await ask(alice, personalSpace(alice), { question: "When does Project Heron launch?" });
    const answer = assistantAnswerSchema.parse(reply.body);
    expect(answer.mode).toBe("not_found");
    expect(answer.citations).toEqual([]);
    // Neither the organization's space nor Bob's tenant leaks into Alice's personal space.
    const names = answer.retrieval.passages.map((p) => p.document_name);
    expect(names).not.toContain("heron-plan.txt");
    expect(names).not.toContain("bob-heron.txt");
    expect(fake.requests.length).toBe(before);
    const tenant = personalTenant(alice);
    const rows = await waitForUsageRows(instance.resources.sql, tenant, 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await usageRowsOf(instance.resources.sql, tenant)).toHaveLength(rows.length);
  });

  it("answers from the space named by X-Space-ID only", async () => {
    fake.enqueue(
      replyText('It launches on the twelfth of March [1].\nQUOTES:\n[1] "launches on the twelfth of March"'),
    );
    const answer = assistantAnswerSchema.parse(
      (await ask(alice, orgSpace, { question: "When does Project Heron launch?" })).body,
    );
    expect(answer.mode).toBe("generative");
    expect(answer.citations.map((c) => c.document_name)).toEqual(["heron-plan.txt"]);
    expect(answer.retrieval.passages.map((p) => p.document_name)).not.toContain("bob-heron.txt");
    expect(answer.retrieval.passages.map((p) => p.document_name)).not.toContain("mill-history.txt");
  });
});
