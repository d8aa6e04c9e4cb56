import { assistantAnswerSchema, assistantConversationSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Account,
  apiAs,
  personalSpace,
  personalTenant,
  registerAccount,
} from "../content/testing/content-client.js";
import { usageRowsOf } from "../usage/testing/usage-rows.js";
import { type AssistantTestBed, sseEvents, startAssistantTestBed } from "./testing/assistant-test-bed.js";

let bed: AssistantTestBed;

const millText =
  "Weaving began early in the valley. The Acme mill was founded in 1887 by Mara Lind.\n\n" +
  "The Acme mill closed in 1931,\nafter the great flood of the river Tarn.\n\n" +
  "The harbour lighthouse is painted white every spring.";

beforeAll(async () => {
  bed = await startAssistantTestBed({ models: false });
}, 120_000);
afterAll(async () => {
  await bed?.close();
});

async function accountWithDocs(label: string): Promise<Account> {
  const account = await registerAccount(bed.app, label);
  bed.search.add(personalSpace(account), { name: "acme.txt", text: millText });
  return account;
}

describe("without a model provider (extractive mode)", () => {
  it("quotes the best passages verbatim, cited with exact offsets, and calls no model", async () => {
    const account = await accountWithDocs("extract");
    const api = apiAs(bed.app, account);
    const reply = await api("POST", "/api/v1/query", {
      question: "When was the Acme mill founded?",
      model: "gpt-4o",
    });
    expect(reply.status).toBe(200);
    const answer = assistantAnswerSchema.parse(reply.body);
    expect(answer).toMatchObject({ mode: "extractive", grounded: true, usage: null, router_metadata: null });
    expect(answer.answer.split("\n")[0]).toBe(
      "\u201CThe Acme mill was founded in 1887 by Mara Lind.\u201D [1]",
    );
    for (const citation of answer.citations) {
      expect(millText.slice(citation.start_offset ?? 0, citation.end_offset ?? 0)).toBe(citation.quote);
    }
    expect(answer.citations[0]?.quote).toBe("The Acme mill was founded in 1887 by Mara Lind.");
    expect(answer.warnings).toEqual(["No model provider is configured, so the model gpt-4o was not used"]);
    expect(await usageRowsOf(bed.instance.resources.sql, personalTenant(account))).toEqual([]);
  });

  it("streams the extract as one delta, then the citations, then done", async () => {
    const account = await accountWithDocs("extract-stream");
    const res = await bed.app.inject({
      method: "POST",
      url: "/api/v1/query",
      headers: { authorization: `Bearer ${account.access_token}`, "x-space-id": personalSpace(account) },
      payload: { question: "When did the Acme mill close?", stream: true },
    });
    const events = sseEvents(res.body);
    expect(events.map((e) => e.event)).toEqual(["answer.delta", "citations", "done"]);
    const done = assistantAnswerSchema.parse(events[2]?.data);
    expect(done.mode).toBe("extractive");
    expect(done.answer).toContain(
      "\u201CThe Acme mill closed in 1931, after the great flood of the river Tarn.\u201D",
    );
    const closing = done.citations.find((c) => c.quote.includes("closed"));
    expect(closing?.quote).toBe("The Acme mill closed in 1931,\nafter the great flood of the river Tarn.");
    expect(events[0]?.data).toEqual({ delta: done.answer });
  });

  it("says 'not found' when nothing is evidence", async () => {
    const account = await accountWithDocs("extract-absent");
    const answer = assistantAnswerSchema.parse(
      (
        await apiAs(bed.app, account)("POST", "/api/v1/query", {
          question: "Who designed the cathedral windows?",
        })
      ).body,
    );
    expect(answer).toMatchObject({ mode: "not_found", citations: [], grounded: true });
  });

  it("rewrites a follow-up deterministically with the previous question's key words", async () => {
    const account = await accountWithDocs("extract-conv");
    const api = apiAs(bed.app, account);
    const conversation = assistantConversationSchema.parse(
      (await api("POST", "/api/v1/conversations", {})).body,
    );
    const url = `/api/v1/conversations/${conversation.id}/messages`;
    await api("POST", url, { question: "When was the Acme mill founded?" });
    const followUp = assistantAnswerSchema.parse(
      (await api("POST", url, { question: "When did it close?" })).body,
    );
    expect(followUp.standalone_question).toBe("When did it close? acme mill founded");
    expect(bed.search.requests.at(-1)?.query).toBe("When did it close? acme mill founded");
    expect(followUp.mode).toBe("extractive");
    expect(followUp.citations.some((c) => c.quote.startsWith("The Acme mill closed in 1931"))).toBe(true);
  });
});
