/** Real Anthropic streams from the fake upstream, translated into OpenAI chunks. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AnthropicStreamToOpenAi,
  type AnthropicStreamToOpenAiOptions,
} from "./anthropic-stream-to-openai.js";
import type { AnthropicMessageResponse, AnthropicRequest } from "./anthropic-types.js";
import type { OpenAiChatCompletionChunk, OpenAiStreamItem } from "./openai-types.js";
import {
  callUpstream,
  type FakeLlm,
  replyText,
  replyToolCalls,
  startFakeLlm,
  streamMessages,
} from "./testing/fake-upstream.js";
import { usageFromAnthropic, usageToOpenAi } from "./usage.js";

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const request: AnthropicRequest = {
  model: "claude-upstream",
  max_tokens: 200,
  messages: [{ role: "user", content: "What is the capital of France?" }],
};

async function translateStream(
  body: AnthropicRequest,
  options: Partial<AnthropicStreamToOpenAiOptions> = {},
): Promise<{ items: OpenAiStreamItem[]; translator: AnthropicStreamToOpenAi }> {
  const translator = new AnthropicStreamToOpenAi({ model: "gpt-4o", includeUsage: true, ...options });
  const items: OpenAiStreamItem[] = [];
  for (const message of await streamMessages(fake.url, "anthropic", { ...body, stream: true })) {
    items.push(...translator.pushData(message.data));
  }
  return { items, translator };
}

function chunks(items: OpenAiStreamItem[]): OpenAiChatCompletionChunk[] {
  return items.map((item) => {
    if (!("choices" in item)) throw new Error(`not a chunk: ${JSON.stringify(item)}`);
    return item;
  });
}

function contentOf(list: OpenAiChatCompletionChunk[]): string {
  return list.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("");
}

describe("AnthropicStreamToOpenAi", () => {
  it("streams text in OpenAI's order: role chunk, content, finish chunk, usage chunk", async () => {
    const plain = (await callUpstream(fake.url, "anthropic", request)).body as AnthropicMessageResponse;
    const { items, translator } = await translateStream(request, { created: 1704537600 });
    const list = chunks(items);

    expect(list[0]).toEqual({
      id: expect.stringMatching(/^chatcmpl-msg_/),
      object: "chat.completion.chunk",
      created: 1704537600,
      model: "gpt-4o",
      choices: [{ index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null }],
      usage: null,
    });
    const finishAt = list.findIndex((chunk) => chunk.choices[0]?.finish_reason != null);
    expect(finishAt).toBe(list.length - 2);
    expect(list[finishAt]?.choices[0]).toEqual({
      index: 0,
      delta: {},
      logprobs: null,
      finish_reason: "stop",
    });
    const middle = list.slice(1, finishAt);
    expect(middle.length).toBeGreaterThan(3);
    for (const chunk of middle) {
      expect(Object.keys(chunk.choices[0]?.delta ?? {})).toEqual(["content"]);
      expect(chunk.choices[0]?.finish_reason).toBeNull();
      expect(chunk.usage).toBeNull();
    }
    expect(contentOf(list)).toBe("You said: What is the capital of France?");

    const last = list.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toEqual(usageToOpenAi(usageFromAnthropic(plain.usage)));
    expect(new Set(list.map((chunk) => `${chunk.id}|${chunk.created}|${chunk.model}`)).size).toBe(1);

    expect(translator.finished).toBe(true);
    expect(translator.usageReported).toBe(true);
    expect(translator.usage).toMatchObject({
      inputTokens: plain.usage.input_tokens,
      outputTokens: plain.usage.output_tokens,
    });
    expect(translator.generatedText()).toBe("You said: What is the capital of France?");
  });

  it("leaves usage out entirely without include_usage", async () => {
    const { items } = await translateStream(request, { includeUsage: false, id: "chatcmpl-fixed" });
    const list = chunks(items);
    expect(list.every((chunk) => !("usage" in chunk) && chunk.id === "chatcmpl-fixed")).toBe(true);
    expect(list.at(-1)?.choices[0]?.finish_reason).toBe("stop");
  });

  it("counts cache reads and writes into the usage chunk's prompt_tokens", async () => {
    fake.enqueue(
      replyText("ok", {
        usage: { promptTokens: 10, completionTokens: 3, cachedTokens: 50, cacheCreationTokens: 7 },
      }),
    );
    const { items, translator } = await translateStream(request);
    expect(chunks(items).at(-1)?.usage).toEqual({
      prompt_tokens: 67,
      completion_tokens: 3,
      total_tokens: 70,
      prompt_tokens_details: { cached_tokens: 50 },
    });
    expect(translator.usage).toEqual({
      inputTokens: 67,
      cachedInputTokens: 50,
      cacheWriteTokens: 7,
      outputTokens: 3,
      reasoningTokens: 0,
    });
  });

  it("streams tool calls: id, type and name first with empty arguments, then argument fragments", async () => {
    fake.enqueue(
      replyToolCalls([
        { name: "get_weather", arguments: '{"location":"Paris","unit":"celsius"}' },
        { name: "get_time", arguments: '{"zone":"Europe/Rome"}' },
      ]),
    );
    const { items } = await translateStream(request);
    const list = chunks(items);
    const toolDeltas = list.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    const heads = toolDeltas.filter((delta) => delta.id !== undefined);
    expect(heads).toEqual([
      {
        index: 0,
        id: expect.stringMatching(/^toolu_/),
        type: "function",
        function: { name: "get_weather", arguments: "" },
      },
      {
        index: 1,
        id: expect.stringMatching(/^toolu_/),
        type: "function",
        function: { name: "get_time", arguments: "" },
      },
    ]);
    for (const delta of toolDeltas.filter((item) => item.id === undefined)) {
      expect(Object.keys(delta)).toEqual(["index", "function"]);
      expect(Object.keys(delta.function ?? {})).toEqual(["arguments"]);
    }
    const argumentsOf = (index: number) =>
      toolDeltas
        .filter((delta) => delta.index === index)
        .map((delta) => delta.function?.arguments ?? "")
        .join("");
    expect(JSON.parse(argumentsOf(0))).toEqual({ location: "Paris", unit: "celsius" });
    expect(JSON.parse(argumentsOf(1))).toEqual({ zone: "Europe/Rome" });
    // Call 0's fragments all come before call 1 starts, as OpenAI streams them.
    const order = toolDeltas.map((delta) => delta.index);
    expect(order).toEqual([...order].sort());
    expect(list.at(-2)?.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("streams the structured-output tool's input as content and finishes with stop", async () => {
    const schema = { type: "object", properties: { answer: { type: "string" } }, required: ["answer"] };
    const body: AnthropicRequest = {
      ...request,
      tools: [{ name: "reply", input_schema: schema }],
      tool_choice: { type: "tool", name: "reply" },
    };
    const { items } = await translateStream(body, { structuredOutputTool: "reply" });
    const list = chunks(items);
    expect(list.some((chunk) => chunk.choices[0]?.delta.tool_calls !== undefined)).toBe(false);
    expect(JSON.parse(contentOf(list))).toEqual({ answer: "example" });
    expect(list.at(-2)?.choices[0]?.finish_reason).toBe("stop");
  });

  it("gives '{}' for a tool call whose input streamed no JSON, so clients can parse it", () => {
    const translator = new AnthropicStreamToOpenAi({ model: "m" });
    const usage = { input_tokens: 1, output_tokens: 1 };
    const message = {
      id: "msg_1",
      type: "message" as const,
      role: "assistant" as const,
      model: "c",
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage,
    };
    const out = [
      ...translator.push({ type: "message_start", message }),
      ...translator.push({
        type: "content_block_start",
        index: 0,
        content_block: { type: "tool_use", id: "toolu_1", name: "now", input: {} },
      }),
      ...translator.push({
        type: "content_block_delta",
        index: 0,
        delta: { type: "input_json_delta", partial_json: "" },
      }),
      ...translator.push({ type: "content_block_stop", index: 0 }),
    ];
    const args = chunks(out)
      .flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? [])
      .map((delta) => delta.function?.arguments)
      .join("");
    expect(args).toBe("{}");
  });

  it("turns an error event into an OpenAI error object and ignores pings and thinking", () => {
    const translator = new AnthropicStreamToOpenAi({ model: "m" });
    expect(translator.push({ type: "ping" })).toEqual([]);
    expect(
      translator.push({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }),
    ).toEqual([
      { error: { message: "Overloaded", type: "server_error", param: null, code: "overloaded_error" } },
    ]);
    const thinking = translator.push({
      type: "content_block_delta",
      index: 0,
      delta: { type: "thinking_delta", thinking: "hmm" },
    });
    // The role chunk still comes first, whatever event opens the stream.
    expect(chunks(thinking).map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { role: "assistant", content: "" },
    ]);
    expect(translator.finished).toBe(false);
  });
});
