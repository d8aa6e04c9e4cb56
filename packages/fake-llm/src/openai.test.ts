import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { replyText, replyToolCalls } from "./behaviours.js";
import { embedText } from "./embeddings.js";
import { startFakeLlm } from "./server.js";
import type { FakeLlm } from "./types.js";

describe("fake-llm: OpenAI protocol through the official openai SDK", () => {
  let fake: FakeLlm;
  let client: OpenAI;

  beforeAll(async () => {
    fake = await startFakeLlm({ embeddingDimensions: 16 });
    client = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: "sk-test", maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: "system", content: "Be brief." },
    { role: "user", content: "What is the capital of France?" },
  ];

  it("answers a plain completion with the chat.completion shape", async () => {
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages });
    expect(completion.object).toBe("chat.completion");
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.model).toBe("gpt-4o-mini");
    expect(completion.system_fingerprint).toMatch(/^fp_/);
    const choice = completion.choices[0];
    expect(choice?.message).toMatchObject({ role: "assistant", refusal: null });
    expect(choice?.message.content).toBe("You said: What is the capital of France?");
    expect(choice?.finish_reason).toBe("stop");
    expect(choice?.logprobs).toBeNull();
    expect(completion.usage).toMatchObject({
      // 3 priming + (3 + 3 "Be brief.") + (3 + 7 "What is the capital of France?")
      prompt_tokens: 19,
      completion_tokens: 10,
      total_tokens: 29,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/v1/chat/completions" });
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
    expect(fake.requests[0]?.body).toMatchObject({ model: "gpt-4o-mini", messages });
  });

  it("streams text deltas whose final usage equals the non-stream usage", async () => {
    const plain = await client.chat.completions.create({ model: "gpt-4o-mini", messages });
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    const chunks: OpenAI.Chat.ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? "";
    }
    expect(text).toBe(plain.choices[0]?.message.content);
    expect(chunks[0]?.choices[0]?.delta.role).toBe("assistant");
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage).toEqual(plain.usage);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it("assembles streamed tool-call deltas with the SDK's stream helper", async () => {
    fake.enqueue(
      replyToolCalls([
        { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' },
        { name: "get_time", arguments: '{"zone":"Europe/Paris"}' },
      ]),
    );
    const stream = client.chat.completions.stream({
      model: "gpt-4o",
      messages,
      tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }],
      stream_options: { include_usage: true },
    });
    const final = await stream.finalChatCompletion();
    const message = final.choices[0]?.message;
    expect(final.choices[0]?.finish_reason).toBe("tool_calls");
    expect(message?.tool_calls?.map((call) => call.type === "function" && call.function)).toMatchObject([
      { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' },
      { name: "get_time", arguments: '{"zone":"Europe/Paris"}' },
    ]);
    expect(message?.tool_calls?.[0]?.id).toMatch(/^call_/);
    expect(final.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("completes a tools round trip: forced call, then a text answer to the tool result", async () => {
    const tools: OpenAI.Chat.ChatCompletionTool[] = [
      {
        type: "function",
        function: {
          name: "get_weather",
          parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
        },
      },
    ];
    const first = await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      tools,
      tool_choice: "required",
    });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe("tool_calls");
    expect(first.choices[0]?.message.content).toBeNull();
    if (call?.type !== "function") throw new Error("expected a function call");
    expect(JSON.parse(call.function.arguments)).toEqual({ city: "example" });

    const second = await client.chat.completions.create({
      model: "gpt-4o",
      tools,
      messages: [
        ...messages,
        first.choices[0]?.message ?? { role: "assistant", content: "" },
        { role: "tool", tool_call_id: call.id, content: "Sunny, 21 degrees" },
      ],
    });
    expect(second.choices[0]?.finish_reason).toBe("stop");
    expect(second.choices[0]?.message.content).toBe("You said: Sunny, 21 degrees");
  });

  it("returns JSON matching a json_schema response format, parsed by the SDK", async () => {
    const completion = await client.chat.completions.parse({
      model: "gpt-4o",
      messages,
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "answer",
          strict: true,
          schema: {
            type: "object",
            properties: {
              city: { type: "string" },
              population: { type: "number" },
              capital: { type: "boolean" },
              tags: { type: "array", items: { type: "string" } },
            },
            required: ["city", "population", "capital", "tags"],
            additionalProperties: false,
          },
        },
      },
    });
    expect(completion.choices[0]?.message.parsed).toEqual({
      city: "example",
      population: 1,
      capital: true,
      tags: ["example"],
    });
    const json = await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      response_format: { type: "json_object" },
    });
    expect(JSON.parse(json.choices[0]?.message.content ?? "")).toHaveProperty("answer");
  });

  it("honours n, max_tokens (finish_reason length) and stop", async () => {
    const many = await client.chat.completions.create({ model: "gpt-4o", messages, n: 3 });
    expect(many.choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
    expect(many.usage?.completion_tokens).toBe(30);

    const short = await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      max_completion_tokens: 3,
    });
    expect(short.choices[0]?.message.content).toBe("You said:");
    expect(short.choices[0]?.finish_reason).toBe("length");
    expect(short.usage?.completion_tokens).toBe(3);

    fake.enqueue(replyText("one two STOP three"));
    const stopped = await client.chat.completions.create({ model: "gpt-4o", messages, stop: ["STOP"] });
    expect(stopped.choices[0]?.message.content).toBe("one two ");
    expect(stopped.choices[0]?.finish_reason).toBe("stop");
  });

  it("reports pinned usage numbers identically in stream and non-stream answers", async () => {
    const usage = { promptTokens: 100, completionTokens: 7, cachedTokens: 40, reasoningTokens: 2 };
    fake.enqueue(replyText("pinned", { usage }), replyText("pinned", { usage }));
    const plain = await client.chat.completions.create({ model: "gpt-4o", messages });
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let streamed: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) streamed = chunk.usage ?? streamed;
    expect(plain.usage).toMatchObject({
      prompt_tokens: 100,
      completion_tokens: 7,
      total_tokens: 107,
      prompt_tokens_details: { cached_tokens: 40 },
      completion_tokens_details: { reasoning_tokens: 2 },
    });
    expect(streamed).toEqual(plain.usage);
  });

  it("creates deterministic embeddings as floats and through the SDK's default base64 path", async () => {
    const floats = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["hello world", "bonjour"],
      encoding_format: "float",
    });
    expect(floats.object).toBe("list");
    expect(floats.data.map((item) => item.index)).toEqual([0, 1]);
    expect(floats.data[0]?.embedding).toHaveLength(16);
    expect(floats.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    const expected = Array.from(embedText("hello world", 16));
    expect(floats.data[0]?.embedding).toEqual(expected);

    const decoded = await client.embeddings.create({ model: "text-embedding-3-small", input: "hello world" });
    expect(decoded.data[0]?.embedding).toEqual(expected);
    const body = fake.requests.at(-1)?.body as { encoding_format?: string };
    expect(body.encoding_format).toBe("base64");

    const wide = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: "x",
      dimensions: 64,
    });
    expect(wide.data[0]?.embedding).toHaveLength(64);
  });

  it("lists models", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) {
      expect(model.object).toBe("model");
      ids.push(model.id);
    }
    expect(ids).toContain("gpt-4o-mini");
  });
});
