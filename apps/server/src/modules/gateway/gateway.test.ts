import Anthropic from "@anthropic-ai/sdk";
import { error as upstreamError } from "@tributary/fake-llm";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../testing/wait-for.js";
import {
  createGatewayKey,
  type GatewayTestBed,
  startGatewayTestBed,
} from "./testing/gateway-test-instance.js";

let bed: GatewayTestBed;
let secret: string;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  bed = await startGatewayTestBed();
  const { key } = await createGatewayKey(bed);
  secret = key.secret;
  openai = new OpenAI({ apiKey: secret, baseURL: `${bed.origin}/v1`, maxRetries: 0 });
  anthropic = new Anthropic({ apiKey: secret, baseURL: bed.origin, maxRetries: 0 });
});

afterAll(async () => {
  await bed?.close();
});

describe("OpenAI clients", () => {
  it("get a plain completion with router metadata and the overhead header", async () => {
    const { data, response } = await openai.chat.completions
      .create({ model: "fake-gpt", messages: [{ role: "user", content: "Say hello" }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBeTruthy();
    expect(data.usage?.prompt_tokens).toBeGreaterThan(0);
    const metadata = (data as unknown as { router_metadata: Record<string, unknown> }).router_metadata;
    expect(metadata).toMatchObject({ provider: "openai-up", attempt_count: 1, fallback_used: false });
    expect(Number(response.headers.get("x-tributary-overhead-ms"))).toBeGreaterThanOrEqual(0);
  });

  it("stream text with the upstream's usage, and the usage record equals it", async () => {
    const stream = await openai.chat.completions.create({
      model: "fake-gpt",
      messages: [{ role: "user", content: "Stream something please" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    const row = await waitFor("the usage record", async () => {
      const rows = await bed.instance.resources.sql.withSystem((tx) =>
        tx.query<{ input_tokens: number; output_tokens: number; estimated: boolean }>(
          "SELECT input_tokens, output_tokens, estimated FROM usage_records WHERE stream AND endpoint = 'chat' ORDER BY created_at DESC LIMIT 1",
        ),
      );
      return rows[0];
    });
    expect(row).toMatchObject({
      input_tokens: usage?.prompt_tokens,
      output_tokens: usage?.completion_tokens,
      estimated: false,
    });
  });

  it("are served by an Anthropic upstream through translation, streaming included", async () => {
    const completion = await openai.chat.completions.create({
      model: "fake-claude",
      messages: [
        { role: "system", content: "Be brief" },
        { role: "user", content: "Hello there" },
      ],
    });
    expect(completion.choices[0]?.message.content).toBeTruthy();
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    const stream = await openai.chat.completions.create({
      model: "fake-claude",
      messages: [{ role: "user", content: "Hello stream" }],
      stream: true,
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    expect(text.length).toBeGreaterThan(0);
  });

  it("pass n, seed, stop and logprobs through to an OpenAI-compatible upstream, and get every choice back", async () => {
    const completion = await openai.chat.completions.create({
      model: "fake-gpt",
      messages: [{ role: "user", content: "Two greetings, please" }],
      n: 2,
      seed: 7,
      stop: ["\n\n"],
      logprobs: true,
      top_logprobs: 2,
    });
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1]);
    const sent = bed.fake.requests.filter((request) => request.path === "/v1/chat/completions").at(-1);
    expect(sent?.body).toMatchObject({ n: 2, seed: 7, stop: ["\n\n"], logprobs: true, top_logprobs: 2 });
  });

  it("list models and create embeddings", async () => {
    const models = await openai.models.list();
    expect(models.data.map((m) => m.id)).toEqual(
      expect.arrayContaining(["fake-gpt", "fake-claude", "fake-embed"]),
    );
    const embedding = await openai.embeddings.create({ model: "fake-embed", input: "hello" });
    expect(embedding.data[0]?.embedding.length).toBeGreaterThan(0);
  });

  it("get errors in OpenAI's shape", async () => {
    await expect(
      openai.chat.completions.create({ model: "no-such-model", messages: [{ role: "user", content: "x" }] }),
    ).rejects.toMatchObject({ status: 400, code: "invalid_model" });
    const stranger = new OpenAI({ apiKey: "trk_bad_key", baseURL: `${bed.origin}/v1`, maxRetries: 0 });
    await expect(
      stranger.chat.completions.create({ model: "fake-gpt", messages: [{ role: "user", content: "x" }] }),
    ).rejects.toMatchObject({ status: 401 });
  });
});

describe("Anthropic clients", () => {
  it("get messages from an Anthropic upstream and, translated, from an OpenAI one", async () => {
    for (const model of ["fake-claude", "fake-gpt"]) {
      const message = await anthropic.messages.create({
        model,
        max_tokens: 64,
        messages: [{ role: "user", content: "Hello" }],
      });
      expect(message.content[0]?.type).toBe("text");
      expect(message.usage.output_tokens).toBeGreaterThan(0);
    }
  });

  it("stream messages", async () => {
    const stream = anthropic.messages.stream({
      model: "fake-claude",
      max_tokens: 64,
      messages: [{ role: "user", content: "Stream to me" }],
    });
    const final = await stream.finalMessage();
    expect(final.usage.output_tokens).toBeGreaterThan(0);
  });
});

describe("retries and fallback", () => {
  it("fall back after 429 then 500, with the spec's metadata", async () => {
    bed.fake.enqueue(upstreamError(429), upstreamError(500));
    const body = {
      model: "fake-gpt",
      messages: [{ role: "user", content: "fallback please" }],
      retry_config: { max_attempts: 2, base_delay: 10, max_delay: 1000 },
      fallback_config: { enabled: true, preferred_chain: ["anthropic-up"] },
    };
    const res = await fetch(`${bed.origin}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { router_metadata: Record<string, unknown> };
    expect(json.router_metadata).toMatchObject({
      provider: "anthropic-up",
      attempt_count: 3,
      failed_providers: ["openai-up"],
      fallback_used: true,
      retry_delays: [10],
    });
  });
});
