import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { replyText, replyToolCalls } from "./behaviours.js";
import { startFakeLlm } from "./server.js";
import type { FakeLlm } from "./types.js";

describe("fake-llm: Anthropic protocol through the official @anthropic-ai/sdk", () => {
  let fake: FakeLlm;
  let client: Anthropic;
  const base = {
    model: "claude-sonnet-4-6",
    max_tokens: 256,
    system: "Be brief.",
    messages: [{ role: "user" as const, content: "What is the capital of France?" }],
  };

  beforeAll(async () => {
    fake = await startFakeLlm();
    client = new Anthropic({ baseURL: fake.url, apiKey: "sk-ant-test", maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it("answers a plain message with the message shape and usage", async () => {
    const message = await client.messages.create(base);
    expect(message).toMatchObject({
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-6",
      content: [{ type: "text", text: "You said: What is the capital of France?" }],
      stop_reason: "end_turn",
      stop_sequence: null,
      // 3 priming + (3 + 7) for the message + 3 for the system prompt
      usage: {
        input_tokens: 16,
        output_tokens: 10,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    });
    expect(message.id).toMatch(/^msg_/);
    const recorded = fake.requests[0];
    expect(recorded?.headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(recorded?.headers["x-api-key"]).toBeUndefined();
  });

  it("streams text whose final message and usage equal the non-stream answer", async () => {
    const plain = await client.messages.create(base);
    const stream = client.messages.stream(base);
    let text = "";
    stream.on("text", (delta) => {
      text += delta;
    });
    const final = await stream.finalMessage();
    expect(text).toBe("You said: What is the capital of France?");
    expect(final.content).toEqual(plain.content);
    expect(final.stop_reason).toBe("end_turn");
    expect(final.usage).toMatchObject(plain.usage);
  });

  it("sends the documented event sequence", async () => {
    const types: string[] = [];
    const stream = await client.messages.create({ ...base, stream: true });
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe("message_start");
    expect(types[1]).toBe("content_block_start");
    expect(types.slice(2, -3).every((type) => type === "content_block_delta")).toBe(true);
    expect(types.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);

    const raw = await fetch(`${fake.url}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": "k", "anthropic-version": "2023-06-01", "content-type": "application/json" },
      body: JSON.stringify({ ...base, stream: true }),
    });
    const names = (await raw.text())
      .split("\n\n")
      .filter((frame) => frame !== "")
      .map((frame) => /^event: (\w+)\ndata: \{"type":"(\w+)"/.exec(frame));
    expect(names.every((match) => match !== null && match[1] === match[2])).toBe(true);
    expect(names.slice(0, 3).map((match) => match?.[1])).toEqual([
      "message_start",
      "content_block_start",
      "ping",
    ]);
  });

  it("streams tool_use input_json_delta fragments assembled by finalMessage()", async () => {
    fake.enqueue(
      replyToolCalls([{ name: "get_weather", arguments: '{"city":"Paris","days":3}' }], {
        usage: { completionTokens: 12 },
      }),
    );
    const final = await client.messages.stream(base).finalMessage();
    expect(final.stop_reason).toBe("tool_use");
    expect(final.content).toHaveLength(1);
    expect(final.content[0]).toMatchObject({
      type: "tool_use",
      name: "get_weather",
      input: { city: "Paris", days: 3 },
    });
    expect(final.usage.output_tokens).toBe(12);
  });

  it("completes a tools round trip with tool_choice and a tool_result", async () => {
    const tools: Anthropic.Tool[] = [
      {
        name: "get_weather",
        description: "Weather for a city",
        input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
    ];
    const first = await client.messages.create({
      ...base,
      tools,
      tool_choice: { type: "tool", name: "get_weather" },
    });
    const use = first.content[0];
    expect(first.stop_reason).toBe("tool_use");
    if (use?.type !== "tool_use") throw new Error("expected a tool_use block");
    expect(use.input).toEqual({ city: "example" });
    const second = await client.messages.create({
      ...base,
      tools,
      messages: [
        ...base.messages,
        { role: "assistant", content: first.content },
        { role: "user", content: [{ type: "tool_result", tool_use_id: use.id, content: "Sunny" }] },
      ],
    });
    expect(second.content).toEqual([{ type: "text", text: "You said: Sunny" }]);
  });

  it("stops at max_tokens and at stop sequences", async () => {
    const short = await client.messages.create({ ...base, max_tokens: 2 });
    expect(short.stop_reason).toBe("max_tokens");
    expect(short.usage.output_tokens).toBe(2);
    fake.enqueue(replyText("alpha beta ### gamma"));
    const stopped = await client.messages.create({ ...base, stop_sequences: ["###"] });
    expect(stopped.stop_reason).toBe("stop_sequence");
    expect(stopped.stop_sequence).toBe("###");
    expect(stopped.content).toEqual([{ type: "text", text: "alpha beta " }]);
  });

  it("reports cache token classes from pinned usage", async () => {
    fake.enqueue(
      replyText("cached", { usage: { promptTokens: 5, cachedTokens: 900, cacheCreationTokens: 30 } }),
    );
    const message = await client.messages.create(base);
    expect(message.usage).toMatchObject({
      input_tokens: 5,
      cache_read_input_tokens: 900,
      cache_creation_input_tokens: 30,
      output_tokens: 1,
    });
  });

  it("lists models and counts tokens in Anthropic's shapes", async () => {
    const page = await client.models.list();
    expect(page.data.map((model) => model.id)).toContain("claude-sonnet-4-6");
    expect(page.data[0]?.type).toBe("model");
    const counted = await client.messages.countTokens({
      model: base.model,
      system: base.system,
      messages: base.messages,
    });
    expect(counted.input_tokens).toBe(16);
  });
});
