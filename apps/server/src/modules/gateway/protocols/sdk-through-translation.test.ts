/**
 * The official SDKs as clients of a translating proxy (testing/translating-proxy.ts) in front of the
 * fake upstream: the OpenAI SDK talks to an Anthropic upstream and the Anthropic SDK to an OpenAI
 * one. The SDKs' own stream accumulators check the translated event order and shapes.
 */
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { error, type FakeLlm, replyToolCalls, startFakeLlm } from "./testing/fake-upstream.js";
import { startTranslatingProxy, type TranslatingProxy } from "./testing/translating-proxy.js";

let fake: FakeLlm;
let proxy: TranslatingProxy;
beforeAll(async () => {
  fake = await startFakeLlm();
  proxy = await startTranslatingProxy(fake.url);
});
afterAll(async () => {
  await proxy.close();
  await fake.close();
});
beforeEach(() => fake.reset());

const weather: OpenAI.Chat.ChatCompletionFunctionTool = {
  type: "function",
  function: {
    name: "get_weather",
    parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
  },
};

describe("OpenAI SDK → Anthropic upstream", () => {
  let client: OpenAI;
  beforeAll(() => {
    client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: "sk-test", maxRetries: 0 });
  });
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: "system", content: "Be brief." },
    { role: "user", content: "What is the capital of France?" },
  ];

  it("streams a completion equal to the non-stream one, usage included", async () => {
    const plain = await client.chat.completions.create({ model: "gpt-4o", messages });
    expect(plain.choices[0]?.message.content).toBe("You said: What is the capital of France?");
    const stream = client.chat.completions.stream({
      model: "gpt-4o",
      messages,
      stream_options: { include_usage: true },
    });
    let text = "";
    stream.on("content", (delta) => {
      text += delta;
    });
    const final = await stream.finalChatCompletion();
    expect(text).toBe(plain.choices[0]?.message.content);
    expect(final.choices[0]).toMatchObject({
      finish_reason: "stop",
      message: { role: "assistant", content: text },
    });
    expect(final.usage).toEqual(plain.usage);
  });

  it("streams tool calls the SDK assembles, then serves the follow-up turn", async () => {
    fake.enqueue(replyToolCalls([{ name: "get_weather", arguments: '{"location":"Paris"}' }]));
    const stream = client.chat.completions.stream({ model: "gpt-4o", messages, tools: [weather] });
    const final = await stream.finalChatCompletion();
    const choice = final.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    const call = choice?.message.tool_calls?.[0];
    if (call?.type !== "function") throw new Error("expected a function call");
    expect(JSON.parse(call.function.arguments)).toEqual({ location: "Paris" });

    const next = await client.chat.completions.create({
      model: "gpt-4o",
      tools: [weather],
      messages: [
        ...messages,
        { role: "assistant", content: null, tool_calls: [call] },
        { role: "tool", tool_call_id: call.id, content: "Sunny" },
      ],
    });
    expect(next.choices[0]?.message.content).toBe("You said: Sunny");
  });

  it("answers json_schema requests with JSON content", async () => {
    const completion = await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "capital",
          schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
        },
      },
    });
    expect(JSON.parse(completion.choices[0]?.message.content ?? "")).toEqual({ city: "example" });
  });

  it("raises the SDK's errors for translated upstream errors and for untranslatable requests", async () => {
    fake.enqueue(error(429, { message: "slow down" }));
    await expect(client.chat.completions.create({ model: "gpt-4o", messages })).rejects.toMatchObject({
      status: 429,
      type: "rate_limit_error",
      code: "rate_limit_exceeded",
      message: expect.stringContaining("slow down"),
    });
    await expect(client.chat.completions.create({ model: "gpt-4o", messages, n: 2 })).rejects.toMatchObject({
      status: 400,
      param: "n",
    });
  });
});

describe("Anthropic SDK → OpenAI upstream", () => {
  let client: Anthropic;
  beforeAll(() => {
    client = new Anthropic({ baseURL: proxy.url, apiKey: "sk-ant-test", maxRetries: 0 });
  });
  const base = {
    model: "claude-sonnet-4-6",
    max_tokens: 256,
    system: "Be brief.",
    messages: [{ role: "user" as const, content: "What is the capital of France?" }],
  };

  it("streams a message equal to the non-stream one, usage included", async () => {
    const plain = await client.messages.create(base);
    expect(plain.content).toEqual([{ type: "text", text: "You said: What is the capital of France?" }]);
    const stream = client.messages.stream(base);
    let text = "";
    stream.on("text", (delta) => {
      text += delta;
    });
    const final = await stream.finalMessage();
    expect(text).toBe("You said: What is the capital of France?");
    expect(final.content).toEqual(plain.content);
    expect(final.stop_reason).toBe("end_turn");
    expect(final.usage).toMatchObject({
      input_tokens: plain.usage.input_tokens,
      output_tokens: plain.usage.output_tokens,
      cache_read_input_tokens: 0,
    });
  });

  it("streams tool_use blocks whose input the SDK parses, then serves the tool result", async () => {
    const tools: Anthropic.Tool[] = [
      {
        name: "get_weather",
        input_schema: {
          type: "object",
          properties: { location: { type: "string" } },
          required: ["location"],
        },
      },
    ];
    const first = await client.messages
      .stream({ ...base, tools, tool_choice: { type: "any" } })
      .finalMessage();
    expect(first.stop_reason).toBe("tool_use");
    const use = first.content.find((block) => block.type === "tool_use");
    if (use?.type !== "tool_use") throw new Error("expected a tool_use block");
    expect(use.input).toEqual({ location: "example" });

    const next = await client.messages.create({
      ...base,
      tools,
      messages: [
        ...base.messages,
        { role: "assistant", content: first.content },
        { role: "user", content: [{ type: "tool_result", tool_use_id: use.id, content: "Sunny" }] },
      ],
    });
    expect(next.content).toEqual([{ type: "text", text: "You said: Sunny" }]);
  });

  it("raises the SDK's errors: an OpenAI 503 arrives as Anthropic's 529 overloaded_error", async () => {
    fake.enqueue(error(503));
    await expect(client.messages.create(base)).rejects.toMatchObject({
      status: 529,
      error: { type: "error", error: { type: "overloaded_error" } },
    });
  });
});
