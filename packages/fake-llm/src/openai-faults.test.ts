import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { delay, dropConnection, error, replyText, stall } from "./behaviours.js";
import { startFakeLlm } from "./server.js";
import type { FakeLlm } from "./types.js";

describe("fake-llm: OpenAI errors and faults as the openai SDK sees them", () => {
  let fake: FakeLlm;
  let client: OpenAI;
  const request = { model: "gpt-4o-mini", messages: [{ role: "user" as const, content: "Hi" }] };

  beforeAll(async () => {
    fake = await startFakeLlm({ apiKey: "sk-right" });
    client = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: "sk-right", maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it("surfaces 429 as RateLimitError with Retry-After and the OpenAI error body", async () => {
    fake.enqueue(error(429, { retryAfterSeconds: 7 }));
    const failure = await client.chat.completions.create(request).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenAI.RateLimitError);
    if (!(failure instanceof OpenAI.RateLimitError)) return;
    expect(failure.status).toBe(429);
    expect(failure.headers.get("retry-after")).toBe("7");
    expect(failure.error).toMatchObject({ type: "requests", code: "rate_limit_exceeded", param: null });
    expect(failure.requestID).toMatch(/^req_/);
  });

  it("maps 500, 503, 400 and 401 to the SDK's error classes", async () => {
    fake.enqueue(error(500), error(503), error(400, { message: "bad field" }));
    await expect(client.chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(client.chat.completions.create(request)).rejects.toMatchObject({ status: 503 });
    await expect(client.chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const stranger = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: "sk-wrong", maxRetries: 0 });
    const denied = await stranger.chat.completions.create(request).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(denied).toMatchObject({ error: { code: "invalid_api_key", type: "invalid_request_error" } });
  });

  it("lets a stalled non-stream request run into the SDK's timeout", async () => {
    fake.enqueue(stall());
    await expect(client.chat.completions.create(request, { timeout: 200 })).rejects.toBeInstanceOf(
      OpenAI.APIConnectionTimeoutError,
    );
  });

  it("keeps a stalled stream open and silent until the client aborts", async () => {
    fake.enqueue(stall({ afterChunks: 2 }));
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { ...request, stream: true },
      { signal: controller.signal },
    );
    const received: string[] = [];
    setTimeout(() => controller.abort(), 200);
    // The SDK ends iteration quietly when its signal aborts.
    for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? "");
    expect(received).toHaveLength(2);
    expect(controller.signal.aborted).toBe(true);
  });

  it("surfaces a dropped connection as a connection error, before and during a stream", async () => {
    fake.enqueue(dropConnection(), dropConnection({ afterChunks: 3 }));
    await expect(client.chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
    const stream = await client.chat.completions.create({ ...request, stream: true });
    let chunks = 0;
    const failure = await (async () => {
      for await (const _ of stream) chunks += 1;
    })().catch((e: unknown) => e);
    expect(chunks).toBe(3);
    // Mid-body, undici reports the cut as TypeError("terminated"); the SDK passes it through.
    expect(failure).toMatchObject({ message: "terminated" });
  });

  it("can stream without the usage chunk even when include_usage is set", async () => {
    fake.enqueue(replyText("no usage here", { omitUsage: true }));
    const stream = await client.chat.completions.create({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((chunk) => chunk.usage == null)).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
  });

  it("delays an answer by the scripted time", async () => {
    fake.enqueue(delay(50, replyText("late")));
    const started = Date.now();
    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]?.message.content).toBe("late");
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("speaks raw SSE framing: data lines, no event names, [DONE] last", async () => {
    const response = await fetch(`${fake.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer sk-right", "content-type": "application/json" },
      body: JSON.stringify({ ...request, stream: true }),
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const frames = (await response.text()).split("\n\n").filter((frame) => frame !== "");
    expect(frames.every((frame) => frame.startsWith("data: "))).toBe(true);
    expect(frames.at(-1)).toBe("data: [DONE]");
    expect(JSON.parse(frames[0]?.slice(6) ?? "")).toMatchObject({ object: "chat.completion.chunk" });
  });

  it("refuses a missing key and unknown paths in the OpenAI shape", async () => {
    const missing = await fetch(`${fake.url}/v1/chat/completions`, { method: "POST", body: "{}" });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { type: "invalid_request_error", code: null } });
    const unknown = await fetch(`${fake.url}/v1/nothing`, { headers: { authorization: "Bearer sk-right" } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "unknown_url" } });
  });
});
