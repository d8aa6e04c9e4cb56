import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dropConnection, error, stall } from "./behaviours.js";
import { startFakeLlm } from "./server.js";
import type { FakeLlm } from "./types.js";

describe("fake-llm: Anthropic errors and faults as @anthropic-ai/sdk sees them", () => {
  let fake: FakeLlm;
  let client: Anthropic;
  const request = {
    model: "claude-haiku-4-5",
    max_tokens: 64,
    messages: [{ role: "user" as const, content: "Hi" }],
  };

  beforeAll(async () => {
    fake = await startFakeLlm({ apiKey: "sk-ant-right" });
    client = new Anthropic({ baseURL: fake.url, apiKey: "sk-ant-right", maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it("surfaces 429 as RateLimitError with Retry-After and the Anthropic error body", async () => {
    fake.enqueue(error(429, { retryAfterSeconds: 3 }));
    const failure = await client.messages.create(request).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Anthropic.RateLimitError);
    if (!(failure instanceof Anthropic.RateLimitError)) return;
    expect(failure.headers.get("retry-after")).toBe("3");
    expect(failure.error).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
    expect(failure.requestID).toMatch(/^req_/);
  });

  it("uses Anthropic's error types per status", async () => {
    fake.enqueue(error(529), error(500), error(400, { message: "messages: too short" }));
    await expect(client.messages.create(request)).rejects.toMatchObject({
      status: 529,
      error: { error: { type: "overloaded_error" } },
    });
    await expect(client.messages.create(request)).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    await expect(client.messages.create(request)).rejects.toMatchObject({
      status: 400,
      error: { error: { type: "invalid_request_error", message: "messages: too short" } },
    });
    const stranger = new Anthropic({ baseURL: fake.url, apiKey: "sk-ant-wrong", maxRetries: 0 });
    await expect(stranger.messages.create(request)).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it("requires anthropic-version and x-api-key, and validates required fields", async () => {
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${fake.url}/v1/messages`, { method: "POST", headers, body: JSON.stringify(body) });
    const noVersion = await post({ "x-api-key": "sk-ant-right" }, request);
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({
      type: "error",
      error: { type: "invalid_request_error", message: "anthropic-version: header is required" },
    });
    const noKey = await post({ "anthropic-version": "2023-06-01" }, request);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { type: "authentication_error" } });
    const noMax = await post(
      { "x-api-key": "sk-ant-right", "anthropic-version": "2023-06-01" },
      { model: request.model, messages: request.messages },
    );
    expect(noMax.status).toBe(400);
    expect(await noMax.json()).toMatchObject({ error: { message: "max_tokens: Field required" } });
  });

  it("lets a stalled request run into the SDK's timeout", async () => {
    fake.enqueue(stall());
    await expect(client.messages.create(request, { timeout: 200 })).rejects.toBeInstanceOf(
      Anthropic.APIConnectionTimeoutError,
    );
  });

  it("keeps a stalled stream silent after message_start until the client aborts", async () => {
    fake.enqueue(stall({ afterChunks: 1 }));
    const stream = client.messages.stream(request);
    const events: string[] = [];
    // Abort a while after the first event (not on a fixed clock: a loaded machine may be slower).
    stream.on("streamEvent", (event) => {
      events.push(event.type);
      if (event.type === "message_start") setTimeout(() => stream.abort(), 200);
    });
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(Anthropic.APIUserAbortError);
    expect(events).toEqual(["message_start"]);
  });

  it("surfaces a dropped connection as a connection error, before and during a stream", async () => {
    fake.enqueue(dropConnection(), dropConnection({ afterChunks: 3 }));
    await expect(client.messages.create(request)).rejects.toBeInstanceOf(Anthropic.APIConnectionError);
    const stream = client.messages.stream(request);
    const events: string[] = [];
    stream.on("streamEvent", (event) => events.push(event.type));
    await expect(stream.finalMessage()).rejects.toThrow("terminated");
    expect(events).toEqual(["message_start", "content_block_start"]);
  });
});
