import { createServer } from "node:net";
import {
  type Behaviour,
  delay,
  dropConnection,
  error,
  type FakeLlm,
  stall,
  startFakeLlm,
} from "@tributary/fake-llm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "../catalog/types.js";
import { UpstreamClient, type UpstreamRequest } from "./upstream-client.js";
import { UpstreamFailure } from "./upstream-failure.js";

let fake: FakeLlm;
const client = new UpstreamClient();

beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(async () => {
  await client.close();
  await fake?.close();
});

function provider(baseUrl: string, timeoutMs = 2_000): Provider {
  return {
    id: "p1",
    name: "fake-up",
    type: "openai_compatible",
    baseUrl,
    apiKey: "sk-upstream",
    headers: {},
    timeoutMs,
    enabled: true,
    source: "config",
  };
}

const chat = JSON.stringify({ model: "fake-gpt", messages: [{ role: "user", content: "Hello there" }] });

/** A non-stream call sent both ways: read whole, and as a stream read to its end. */
async function bothWays(
  behaviour: Behaviour | null,
  request: Partial<UpstreamRequest> = {},
): Promise<Array<{ status: number; text: string } | UpstreamFailure>> {
  const outcomes = [];
  for (const readWhole of [true, false]) {
    fake.reset();
    // Queued more than once: on a loaded machine the previous way's request (given up on by its
    // timeout) may reach the fake only now, and must not take the one behaviour meant for this way.
    if (behaviour) fake.enqueue(behaviour, behaviour, behaviour);
    const target = request.provider ?? provider(`${fake.url}/v1`);
    try {
      const response = await client.send({
        provider: target,
        path: "/chat/completions",
        body: chat,
        timeoutMs: target.timeoutMs,
        readWhole,
        ...request,
      });
      outcomes.push({ status: response.status, text: await response.body.text() });
    } catch (failure) {
      if (!(failure instanceof UpstreamFailure)) throw failure;
      outcomes.push(failure);
    }
  }
  return outcomes;
}

/** What a caller can tell about a failure; timings aside, both ways must agree on it. */
function described(outcome: { status: number; text: string } | UpstreamFailure) {
  if (!(outcome instanceof UpstreamFailure)) return { status: outcome.status, text: outcome.text };
  return { failure: outcome.failureClass, message: outcome.message, details: outcome.details };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("UpstreamClient, a body read whole or streamed", () => {
  it("gives the same completion both ways, and the whole body iterates as one chunk", async () => {
    const [whole, streamed] = (await bothWays(null)) as Array<{ status: number; text: string }>;
    // The fake numbers its completions: all else is the same.
    const { id: _wholeId, ...wholeBody } = JSON.parse(whole?.text ?? "{}");
    const { id: _streamedId, ...streamedBody } = JSON.parse(streamed?.text ?? "{}");
    expect(whole?.status).toBe(streamed?.status);
    expect(wholeBody).toEqual(streamedBody);
    expect(wholeBody).toMatchObject({ object: "chat.completion" });

    fake.reset();
    const response = await client.send({
      provider: provider(`${fake.url}/v1`),
      path: "chat/completions",
      body: chat,
      timeoutMs: 2_000,
      readWhole: true,
    });
    const chunks: Array<string | Uint8Array> = [];
    for await (const chunk of response.body) chunks.push(chunk);
    expect(chunks).toHaveLength(1);
    expect(response.headers["content-type"]).toMatch(/application\/json/);
  });

  it("classifies a refusal the same way, with its status, body and Retry-After", async () => {
    const outcomes = await bothWays(error(429, { retryAfterSeconds: 2, message: "slow down" }));
    const [whole, streamed] = outcomes.map(described);
    expect(whole).toEqual(streamed);
    expect(whole).toMatchObject({ failure: "rate_limit", details: { status: 429, retryAfterMs: 2_000 } });
    expect(whole?.message).toMatch(/slow down/);
    const [serverError] = (await bothWays(error(503))).map(described);
    expect(serverError).toMatchObject({ failure: "server_error", details: { status: 503 } });
  });

  it("times out the same way when the provider does not answer in time", async () => {
    const outcomes = await bothWays(delay(1_000), { provider: provider(`${fake.url}/v1`, 100) });
    const [whole, streamed] = outcomes.map(described);
    expect(whole).toEqual(streamed);
    expect(whole).toMatchObject({ failure: "timeout", message: "fake-up did not answer in time" });
  });

  it("reports a stalled or dropped answer as a failure, never as a success", async () => {
    for (const behaviour of [stall(), dropConnection()]) {
      const outcomes = await bothWays(behaviour, { provider: provider(`${fake.url}/v1`, 200) });
      for (const outcome of outcomes) expect(outcome).toBeInstanceOf(UpstreamFailure);
      const [whole, streamed] = outcomes as UpstreamFailure[];
      expect(whole?.failureClass).toBe(streamed?.failureClass);
    }
  });

  it("is cancelled by its signal, before it is sent or while it waits", async () => {
    const early = new AbortController();
    early.abort();
    const before = (await bothWays(null, { signal: early.signal })).map(described);
    expect(before[0]).toEqual(before[1]);
    expect(before[0]).toMatchObject({ failure: "timeout", message: "The call to fake-up was cancelled" });

    for (const readWhole of [true, false]) {
      fake.reset();
      fake.enqueue(delay(2_000));
      const late = new AbortController();
      setTimeout(() => late.abort(), 50);
      const sent = client.send({
        provider: provider(`${fake.url}/v1`),
        path: "/chat/completions",
        body: chat,
        timeoutMs: 5_000,
        signal: late.signal,
        readWhole,
      });
      await expect(sent).rejects.toMatchObject({
        failureClass: "timeout",
        message: "The call to fake-up was cancelled",
      });
    }
  });

  it("reports an unreachable provider as a network error", async () => {
    const port = await closedPort();
    const outcomes = await bothWays(null, { provider: provider(`http://127.0.0.1:${port}/v1`) });
    const [whole, streamed] = outcomes.map(described);
    expect(whole).toEqual(streamed);
    expect(whole).toMatchObject({ failure: "network_error" });
  });
});
