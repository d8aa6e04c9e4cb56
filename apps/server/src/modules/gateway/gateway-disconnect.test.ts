import Anthropic from "@anthropic-ai/sdk";
import { delay, replyText } from "@tributary/fake-llm";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "../../testing/wait-for.js";
import { waitForUsageRows } from "../usage/testing/usage-rows.js";
import { countTextTokens } from "./pricing/estimate-tokens.js";
import {
  createGatewayKey,
  type GatewayTestBed,
  startGatewayTestBed,
} from "./testing/gateway-test-instance.js";

let bed: GatewayTestBed;
/** A reply far longer than any test waits for: 300 tokens at 15 ms each is 4.5 s of stream. */
const longReply = "word ".repeat(300).trim();
const fullTokens = countTextTokens(longReply);

async function newCaller() {
  const { owner, key } = await createGatewayKey(bed);
  const tenantId = owner.user.personal_tenant_id;
  if (!tenantId) throw new Error("no personal tenant");
  return {
    tenantId,
    openai: new OpenAI({ apiKey: key.secret, baseURL: `${bed.origin}/v1`, maxRetries: 0 }),
    anthropic: new Anthropic({ apiKey: key.secret, baseURL: bed.origin, maxRetries: 0 }),
  };
}

/** Reads a stream until `chunks` chunks came, then aborts it; the SDKs end quietly or throw. */
async function readThenAbort<T>(stream: AsyncIterable<T>, abort: AbortController, chunks: number) {
  let seen = 0;
  await (async () => {
    for await (const _ of stream) if (++seen === chunks) abort.abort();
  })().catch(() => {});
  return seen;
}

function upstreamClosedEarly() {
  return waitFor(
    "the upstream call to be cut",
    () => bed.fake.requests.at(-1)?.responseEnd === "closed_early",
  );
}

beforeAll(async () => {
  bed = await startGatewayTestBed();
});
afterAll(async () => {
  await bed?.close();
});
beforeEach(() => {
  bed.fake.reset();
  bed.fake.setLatency({ chunkIntervalMs: 15 });
});

describe("a client that disconnects mid-stream", () => {
  it("is billed for what was generated, and the upstream stream is cancelled (OpenAI)", async () => {
    const caller = await newCaller();
    bed.fake.enqueue(replyText(longReply));
    const abort = new AbortController();
    const stream = await caller.openai.chat.completions.create(
      {
        model: "fake-gpt",
        messages: [{ role: "user", content: "Tell me a long story" }],
        stream: true,
        stream_options: { include_usage: true },
      },
      { signal: abort.signal },
    );
    expect(await readThenAbort(stream, abort, 6)).toBe(6);
    await upstreamClosedEarly();

    const [row] = await waitForUsageRows(bed.instance.resources.sql, caller.tenantId, 1);
    expect(row).toMatchObject({
      status: "cancelled",
      error_code: "client_disconnected",
      stream: true,
      estimated: true,
      model: "fake-gpt",
      provider: "openai-up",
    });
    expect(row?.input_tokens).toBeGreaterThan(0);
    expect(row?.output_tokens).toBeGreaterThan(0);
    expect(row?.output_tokens).toBeLessThan(fullTokens);
    expect(row?.cost_usd).toBeGreaterThan(0);
  });

  it("is billed for what was generated, and the upstream stream is cancelled (Anthropic)", async () => {
    const caller = await newCaller();
    bed.fake.enqueue(replyText(longReply));
    const abort = new AbortController();
    const stream = await caller.anthropic.messages.create(
      {
        model: "fake-claude",
        max_tokens: 1_000,
        messages: [{ role: "user", content: "Tell me a long story" }],
        stream: true,
      },
      { signal: abort.signal },
    );
    // message_start, content_block_start, ping, then a few deltas.
    expect(await readThenAbort(stream, abort, 8)).toBe(8);
    await upstreamClosedEarly();

    const [row] = await waitForUsageRows(bed.instance.resources.sql, caller.tenantId, 1);
    expect(row).toMatchObject({
      status: "cancelled",
      error_code: "client_disconnected",
      stream: true,
      estimated: true,
      provider: "anthropic-up",
    });
    expect(row?.output_tokens).toBeGreaterThan(1);
    expect(row?.output_tokens).toBeLessThan(fullTokens);
    expect(row?.cost_usd).toBeGreaterThan(0);
  });

  it("costs nothing when it leaves before the provider answered, and cancels the upstream call", async () => {
    const caller = await newCaller();
    bed.fake.enqueue(delay(5_000));
    const abort = new AbortController();
    const call = caller.openai.chat.completions.create(
      { model: "fake-gpt", messages: [{ role: "user", content: "Take your time" }] },
      { signal: abort.signal },
    );
    await waitFor("the upstream call", () => bed.fake.requests.length === 1);
    abort.abort();
    await expect(call).rejects.toThrow();
    await upstreamClosedEarly();

    const [row] = await waitForUsageRows(bed.instance.resources.sql, caller.tenantId, 1);
    expect(row).toMatchObject({ status: "cancelled", output_tokens: 0, cost_usd: 0 });
  });
});
