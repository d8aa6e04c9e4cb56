import {
  assistantAnswerSchema,
  assistantConversationDetailSchema,
  assistantConversationSchema,
  pageSchema,
  queryHistoryEntrySchema,
  queryHistoryStatsSchema,
} from "@tributary/contracts";
import { replyText } from "@tributary/fake-llm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Account,
  apiAs,
  errorCode,
  organizationWithRoles,
  personalSpace,
  registerAccount,
} from "../content/testing/content-client.js";
import { type AssistantTestBed, startAssistantTestBed } from "./testing/assistant-test-bed.js";

let bed: AssistantTestBed;

const millText =
  "The Acme mill was founded in 1887 by Mara Lind.\n\n" +
  "The Acme mill closed in 1931, after the great flood of the river Tarn.";
const firstReply = 'The Acme mill was founded in 1887 [1].\nQUOTES:\n[1] "founded in 1887 by Mara Lind"';
const secondReply = 'It closed in 1931 [2].\nQUOTES:\n[2] "The Acme mill closed in 1931"';

beforeAll(async () => {
  bed = await startAssistantTestBed({ models: true });
}, 120_000);
afterAll(async () => {
  await bed?.close();
});
beforeEach(() => bed.fake?.reset());

async function accountWithDocs(label: string): Promise<Account> {
  const account = await registerAccount(bed.app, label);
  bed.search.add(personalSpace(account), { name: "acme.txt", text: millText });
  return account;
}

describe("conversations", () => {
  it("rewrites a follow-up through the model before searching, and stores every message", async () => {
    const account = await accountWithDocs("conv");
    const api = apiAs(bed.app, account);
    const created = await api("POST", "/api/v1/conversations", {});
    expect(created.status).toBe(201);
    const conversation = assistantConversationSchema.parse(created.body);

    bed.fake?.enqueue(replyText(firstReply));
    const first = await api("POST", `/api/v1/conversations/${conversation.id}/messages`, {
      question: "When was the Acme mill founded?",
    });
    expect(first.status).toBe(200);
    const firstAnswer = assistantAnswerSchema.parse(first.body);
    expect(firstAnswer).toMatchObject({
      conversation_id: conversation.id,
      grounded: true,
      mode: "generative",
    });
    expect(firstAnswer.standalone_question).toBe("When was the Acme mill founded?");

    bed.fake?.enqueue(replyText("When did the Acme mill close?"), replyText(secondReply));
    const second = await api("POST", `/api/v1/conversations/${conversation.id}/messages`, {
      question: "When did it close?",
    });
    const secondAnswer = assistantAnswerSchema.parse(second.body);
    expect(secondAnswer.standalone_question).toBe("When did the Acme mill close?");
    expect(bed.search.requests.at(-1)).toMatchObject({ query: "When did the Acme mill close?" });
    expect(secondAnswer.citations.map((c) => c.quote)).toEqual(["The Acme mill closed in 1931"]);
    expect(secondAnswer.usage?.model_calls).toBe(2);
    // The rewrite saw the conversation; the answer's prompt carried the earlier exchange.
    const [rewrite, answer] = bed.fake?.requests.slice(-2) ?? [];
    expect(JSON.stringify(rewrite?.body)).toContain("User: When was the Acme mill founded?");
    expect(JSON.stringify(answer?.body)).toContain("The Acme mill was founded in 1887.");

    const detail = assistantConversationDetailSchema.parse(
      (await api("GET", `/api/v1/conversations/${conversation.id}`)).body,
    );
    expect(detail.title).toBe("When was the Acme mill founded?");
    expect(detail.message_count).toBe(4);
    expect(detail.messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(detail.messages[2]?.standalone_question).toBe("When did the Acme mill close?");
    expect(detail.messages[3]).toMatchObject({
      id: secondAnswer.message_id,
      mode: "generative",
      grounded: true,
    });
    expect(detail.messages[3]?.citations).toEqual(secondAnswer.citations);
    expect(detail.messages[3]?.usage).toEqual(secondAnswer.usage);
    // The passages considered are kept with the answer; a question has none.
    expect(detail.messages[3]?.retrieval).toEqual(secondAnswer.retrieval);
    expect(secondAnswer.retrieval.passages.length).toBeGreaterThan(0);
    expect(detail.messages[2]?.retrieval).toBeNull();

    const list = pageSchema(assistantConversationSchema).parse(
      (await api("GET", "/api/v1/conversations")).body,
    );
    expect(list.data.map((c) => c.id)).toEqual([conversation.id]);
  });

  it("keeps conversations private to whoever started them, and deletes them with their history", async () => {
    const org = await organizationWithRoles(bed.app);
    const memberApi = apiAs(bed.app, org.member, org.spaceId);
    const ownerApi = apiAs(bed.app, org.owner, org.spaceId);
    const created = assistantConversationSchema.parse(
      (await memberApi("POST", "/api/v1/conversations", { title: "Mill questions" })).body,
    );
    await memberApi("POST", `/api/v1/conversations/${created.id}/messages`, {
      question: "Anything on the mill?",
    });
    for (const [method, url] of [
      ["GET", `/api/v1/conversations/${created.id}`],
      ["DELETE", `/api/v1/conversations/${created.id}`],
      ["POST", `/api/v1/conversations/${created.id}/messages`],
    ] as const) {
      const reply = await ownerApi(
        method,
        url,
        method === "POST" ? { question: "What did they ask?" } : undefined,
      );
      expect(reply.status, `${method} ${url}`).toBe(404);
    }
    expect(
      pageSchema(assistantConversationSchema).parse((await ownerApi("GET", "/api/v1/conversations")).body)
        .data,
    ).toEqual([]);
    const history = () => memberApi("GET", "/api/v1/query-history");
    expect(pageSchema(queryHistoryEntrySchema).parse((await history()).body).data).toHaveLength(1);
    expect((await memberApi("DELETE", `/api/v1/conversations/${created.id}`)).status).toBe(204);
    expect((await memberApi("GET", `/api/v1/conversations/${created.id}`)).status).toBe(404);
    expect(pageSchema(queryHistoryEntrySchema).parse((await history()).body).data).toEqual([]);
  });
});

describe("query history", () => {
  it("lists and deletes only the caller's own entries; admins get counts, never questions", async () => {
    const org = await organizationWithRoles(bed.app);
    bed.search.add(org.spaceId, { name: "acme.txt", text: millText });
    const member = apiAs(bed.app, org.member, org.spaceId);
    const admin = apiAs(bed.app, org.admin, org.spaceId);
    bed.fake?.enqueue(replyText(firstReply));
    await member("POST", "/api/v1/query", { question: "When was the Acme mill founded?" });
    await member("POST", "/api/v1/query", { question: "Who painted the harbour lighthouse?" });
    await admin("POST", "/api/v1/query", { question: "Which cathedral has blue windows?" });

    const page1 = pageSchema(queryHistoryEntrySchema).parse(
      (await member("GET", "/api/v1/query-history?limit=1")).body,
    );
    expect(page1.data.map((e) => e.question)).toEqual(["Who painted the harbour lighthouse?"]);
    expect(page1.has_more).toBe(true);
    const page2 = pageSchema(queryHistoryEntrySchema).parse(
      (await member("GET", `/api/v1/query-history?limit=1&cursor=${page1.next_cursor}`)).body,
    );
    expect(page2.data.map((e) => e.question)).toEqual(["When was the Acme mill founded?"]);
    expect(page2.data[0]?.citations).toHaveLength(1);
    expect(page2.has_more).toBe(false);

    const adminOwn = pageSchema(queryHistoryEntrySchema).parse(
      (await admin("GET", "/api/v1/query-history")).body,
    );
    expect(adminOwn.data.map((e) => e.question)).toEqual(["Which cathedral has blue windows?"]);
    const memberEntry = page1.data[0]?.id;
    expect((await admin("DELETE", `/api/v1/query-history/${memberEntry}`)).status).toBe(404);

    const stats = await admin("GET", "/api/v1/query-history/stats");
    expect(stats.status).toBe(200);
    expect(queryHistoryStatsSchema.parse(stats.body)).toMatchObject({
      queries: 3,
      users: 2,
      by_mode: { generative: 1, extractive: 0, not_found: 2 },
      grounded: 1,
    });
    expect(JSON.stringify(stats.body)).not.toContain("lighthouse");
    const denied = await member("GET", "/api/v1/query-history/stats");
    expect(denied.status).toBe(403);
    expect(errorCode(denied)).toBe("FORBIDDEN");

    expect((await member("DELETE", `/api/v1/query-history/${memberEntry}`)).status).toBe(204);
    const after = pageSchema(queryHistoryEntrySchema).parse(
      (await member("GET", "/api/v1/query-history")).body,
    );
    expect(after.data.map((e) => e.question)).toEqual(["When was the Acme mill founded?"]);
  });
});

describe("space isolation", () => {
  it("never answers from another space, and refuses a space the caller is not in", async () => {
    const alice = await accountWithDocs("alice");
    const bob = await registerAccount(bed.app, "bob");
    bed.search.add(personalSpace(bob), {
      name: "bob-secret.txt",
      text: "Project Heron launches on 12 March.",
    });
    const aliceApi = apiAs(bed.app, alice);
    const answer = assistantAnswerSchema.parse(
      (await aliceApi("POST", "/api/v1/query", { question: "When does Project Heron launch?" })).body,
    );
    expect(answer.mode).toBe("not_found");
    expect(answer.retrieval.passages.every((p) => p.document_name !== "bob-secret.txt")).toBe(true);
    const intruding = await apiAs(bed.app, alice, personalSpace(bob))("POST", "/api/v1/query", {
      question: "When does Project Heron launch?",
    });
    expect(intruding.status).toBe(404);
    expect(bed.search.requests.every((r) => r.spaceId !== personalSpace(bob))).toBe(true);
  });
});
