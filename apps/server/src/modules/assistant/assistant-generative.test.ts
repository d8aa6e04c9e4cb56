import {
  type AssistantAnswer,
  assistantAnswerSchema,
  assistantCitationsEventSchema,
  assistantDeltaEventSchema,
  errorEnvelopeSchema,
} from "@tributary/contracts";
import { replyText, stall } from "@tributary/fake-llm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "../../testing/wait-for.js";
import {
  type Account,
  apiAs,
  personalSpace,
  personalTenant,
  registerAccount,
} from "../content/testing/content-client.js";
import { usageRowsOf, waitForUsageRows } from "../usage/testing/usage-rows.js";
import { type AssistantTestBed, sseEvents, startAssistantTestBed } from "./testing/assistant-test-bed.js";

let bed: AssistantTestBed;

const millText =
  "The Acme mill was founded in 1887 by Mara Lind on the banks of the river Tarn.\n\n" +
  "In its best years the Acme mill exported wool to Norway and employed forty weavers.\n\n" +
  "The harbour lighthouse is painted white every spring.";

/** A model that cites passage 1 correctly, invents a quote for passage 2 and cites a passage 9 that does not exist. */
const inventingReply =
  "The Acme mill was founded in 1887 [1]. It exported silk to Japan [2]. Its founder flew planes [9].\n\n" +
  'QUOTES:\n[1] "founded in 1887 by Mara Lind"\n[2] "exported silk to Japan"';
const question = "When was the Acme mill founded and what did the mill export?";

async function accountWithDocs(label: string): Promise<Account> {
  const account = await registerAccount(bed.app, label);
  bed.search.add(personalSpace(account), { name: "acme-history.txt", text: millText });
  return account;
}

function ask(account: Account, body: Record<string, unknown>, url = "/api/v1/query") {
  return bed.app.inject({
    method: "POST",
    url,
    headers: { authorization: `Bearer ${account.access_token}`, "x-space-id": personalSpace(account) },
    payload: body,
  });
}

function expectOnlyVerifiedCitations(answer: AssistantAnswer) {
  expect(answer.mode).toBe("generative");
  expect(answer.citations.map((c) => c.index)).toEqual([1]);
  const [citation] = answer.citations;
  expect(citation?.quote).toBe("founded in 1887 by Mara Lind");
  expect(citation?.document_name).toBe("acme-history.txt");
  expect(citation?.start_offset).toBe(millText.indexOf("founded in 1887 by Mara Lind"));
  expect(citation?.end_offset).toBe((citation?.start_offset ?? 0) + "founded in 1887 by Mara Lind".length);
  expect(answer.answer).toBe(
    "The Acme mill was founded in 1887 [1]. It exported silk to Japan. Its founder flew planes.",
  );
  expect(answer.grounded).toBe(false);
  expect(answer.warnings.join("\n")).toMatch(/\[2\] was dropped: its quote does not occur in passage 2/);
  expect(answer.warnings.join("\n")).toMatch(/Marker \[9\] pointed to no passage/);
  expect(answer.usage).toMatchObject({ model_calls: 1 });
  expect(answer.usage?.prompt_tokens).toBeGreaterThan(0);
  expect(answer.router_metadata).toMatchObject({ provider: "openai-up" });
  const evidence = answer.retrieval.passages.filter((p) => p.evidence);
  expect(evidence.map((p) => p.index)).toEqual([1, 2]);
  // The lighthouse shares only stop words with the question: searched, but not evidence.
  expect(answer.retrieval.passages.some((p) => !p.evidence)).toBe(true);
}

beforeAll(async () => {
  bed = await startAssistantTestBed({ models: true });
}, 120_000);
afterAll(async () => {
  await bed?.close();
});
beforeEach(() => bed.fake?.reset());

describe("POST /api/v1/query with a model", () => {
  it("keeps only citations whose quote occurs in the chunk, and flags the answer", async () => {
    const account = await accountWithDocs("gen");
    bed.fake?.enqueue(replyText(inventingReply));
    const res = await ask(account, { question });
    expect(res.statusCode).toBe(200);
    const answer = assistantAnswerSchema.parse(res.json());
    expectOnlyVerifiedCitations(answer);
    const sent = JSON.stringify(bed.fake?.requests.at(-1)?.body);
    expect(sent).toContain("[1] (document: acme-history.txt, page 1)");
    expect(sent).not.toContain("lighthouse");
    const rows = await waitForUsageRows(bed.instance.resources.sql, personalTenant(account), 1);
    expect(rows[0]).toMatchObject({ user_id: account.user.id, status: "success", model: "fake-gpt" });
  });

  it("streams deltas without the quotes block, then the verified citations, then done", async () => {
    const account = await accountWithDocs("stream");
    bed.fake?.enqueue(replyText(inventingReply));
    const res = await ask(account, { question, stream: true });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/event-stream");
    const events = sseEvents(res.body);
    const names = events.map((e) => e.event);
    const deltas = names.filter((name) => name === "answer.delta").length;
    expect(deltas).toBeGreaterThan(3);
    expect(names.slice(deltas)).toEqual(["citations", "done"]);
    const streamed = events
      .filter((e) => e.event === "answer.delta")
      .map((e) => assistantDeltaEventSchema.parse(e.data).delta)
      .join("");
    expect(streamed).toBe(
      "The Acme mill was founded in 1887 [1]. It exported silk to Japan [2]. Its founder flew planes [9].",
    );
    const citations = assistantCitationsEventSchema.parse(events.at(-2)?.data);
    expect(citations.citations.map((c) => c.index)).toEqual([1]);
    const done = assistantAnswerSchema.parse(events.at(-1)?.data);
    expectOnlyVerifiedCitations(done);
    const rows = await waitForUsageRows(bed.instance.resources.sql, personalTenant(account), 1);
    expect(rows[0]).toMatchObject({ stream: true, status: "success" });
  });

  it("answers 'not found' without calling any model when nothing is evidence", async () => {
    const account = await accountWithDocs("absent");
    const before = bed.fake?.requests.length ?? 0;
    const res = await ask(account, { question: "Who designed the cathedral's stained glass windows?" });
    const answer = assistantAnswerSchema.parse(res.json());
    expect(answer).toMatchObject({ mode: "not_found", citations: [], usage: null, router_metadata: null });
    expect(answer.answer).toMatch(/^I could not find this in your documents/);
    expect(bed.fake?.requests.length).toBe(before);
    // Usage is written every 50 ms: a later model call's record shows the writer ran, alone.
    bed.fake?.enqueue(replyText('Founded in 1887 [1].\nQUOTES:\n[1] "founded in 1887"'));
    expect((await ask(account, { question })).statusCode).toBe(200);
    const rows = await waitForUsageRows(bed.instance.resources.sql, personalTenant(account), 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await usageRowsOf(bed.instance.resources.sql, personalTenant(account))).toHaveLength(rows.length);
    expect(rows).toHaveLength(1);
  });

  it("maps a model's NOT_FOUND to the not-found answer, with the call's usage", async () => {
    const account = await accountWithDocs("sentinel");
    bed.fake?.enqueue(replyText("NOT_FOUND"));
    const answer = assistantAnswerSchema.parse((await ask(account, { question })).json());
    expect(answer.mode).toBe("not_found");
    expect(answer.citations).toEqual([]);
    expect(answer.usage?.model_calls).toBe(1);
  });

  it("answers with the budget error when the space's hard budget is spent", async () => {
    const account = await accountWithDocs("budget");
    const api = apiAs(bed.app, account);
    const budget = await api("POST", "/api/v1/gateway/budgets", {
      scope: "space",
      period: "day",
      limit_usd: 0,
      mode: "hard",
    });
    expect(budget.status).toBe(201);
    for (const stream of [false, true]) {
      const res = await ask(account, { question, stream });
      expect(res.statusCode).toBe(429);
      const envelope = errorEnvelopeSchema.parse(res.json());
      expect(envelope.error).toMatchObject({ code: "RATE_LIMITED", details: { code: "budget_exceeded" } });
    }
    expect(bed.fake?.requests).toHaveLength(0);
    // No evidence needs no model, so a spent budget does not stop a not-found answer.
    const absent = await ask(account, { question: "Who designed the cathedral windows?" });
    expect(absent.statusCode).toBe(200);
  });

  it("applies the caller's API key policies: a PII guardrail block is a clear 422", async () => {
    const account = await accountWithDocs("pii");
    const created = await apiAs(bed.app, account)("POST", "/api/v1/api-keys", {
      name: "assistant key",
      scopes: ["documents:read"],
      gateway: { guardrail_policy: "block" },
    });
    expect(created.status).toBe(201);
    const { id, secret } = created.body as { id: string; secret: string };
    const res = await bed.app.inject({
      method: "POST",
      url: "/api/v1/query",
      headers: { authorization: `Bearer ${secret}`, "x-space-id": personalSpace(account) },
      payload: { question: `${question} Reply to mara.lind@example.com` },
    });
    expect(res.statusCode).toBe(422);
    expect(errorEnvelopeSchema.parse(res.json()).error.details).toMatchObject({ code: "guardrail_blocked" });
    const rows = await waitForUsageRows(bed.instance.resources.sql, personalTenant(account), 1);
    expect(rows[0]).toMatchObject({ api_key_id: id, status: "error", error_code: "guardrail_blocked" });
  });

  it("cancels the model call, and stores nothing, when the client leaves mid-stream", async () => {
    const account = await accountWithDocs("gone");
    bed.fake?.enqueue(stall({ afterChunks: 4 }));
    const origin = await bed.app.listen({ port: 0, host: "127.0.0.1" });
    const leaving = new AbortController();
    const res = await fetch(`${origin}/api/v1/query`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${account.access_token}`,
        "x-space-id": personalSpace(account),
        "content-type": "application/json",
      },
      body: JSON.stringify({ question, stream: true }),
      signal: leaving.signal,
    });
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain("event: answer.delta");
    leaving.abort();
    const rows = await waitForUsageRows(bed.instance.resources.sql, personalTenant(account), 1);
    expect(rows[0]).toMatchObject({ status: "cancelled", stream: true });
    await waitFor("upstream call closed", () => bed.fake?.requests.at(-1)?.responseEnd === "closed_early");
    const history = await apiAs(bed.app, account)("GET", "/api/v1/query-history");
    expect(history.body).toMatchObject({ data: [] });
  });

  it("refuses a model the gateway does not know as a validation error", async () => {
    const account = await accountWithDocs("model");
    const res = await ask(account, { question, model: "no-such-model" });
    expect(res.statusCode).toBe(400);
    expect(errorEnvelopeSchema.parse(res.json()).error.details).toMatchObject({ code: "invalid_model" });
  });
});
