/** Usage watchers on same-protocol streams from the fake upstream. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AnthropicStreamUsage, OpenAiStreamUsage } from "./stream-usage.js";
import {
  type FakeLlm,
  replyText,
  replyToolCalls,
  startFakeLlm,
  streamMessages,
} from "./testing/fake-upstream.js";

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const messages = [{ role: "user", content: "hi" }];

describe("OpenAiStreamUsage", () => {
  it("takes usage from the usage chunk and keeps the generated text", async () => {
    fake.enqueue(
      replyText("Hello world", {
        usage: { promptTokens: 20, completionTokens: 9, cachedTokens: 8, reasoningTokens: 4 },
      }),
    );
    const watcher = new OpenAiStreamUsage();
    const stream = { model: "m", messages, stream: true, stream_options: { include_usage: true } };
    expect(watcher.finished).toBe(false);
    for (const message of await streamMessages(fake.url, "openai", stream)) watcher.pushData(message.data);
    expect(watcher.finished).toBe(true);
    expect(watcher.usageReported).toBe(true);
    expect(watcher.usage).toEqual({
      inputTokens: 20,
      cachedInputTokens: 8,
      cacheWriteTokens: 0,
      outputTokens: 9,
      reasoningTokens: 4,
    });
    expect(watcher.generatedText()).toBe("Hello world");
  });

  it("counts tool-call arguments when the upstream reports no usage", async () => {
    fake.enqueue(replyToolCalls([{ name: "f", arguments: '{"a":"bcd"}' }], { omitUsage: true }));
    const watcher = new OpenAiStreamUsage();
    const stream = { model: "m", messages, stream: true, stream_options: { include_usage: true } };
    for (const message of await streamMessages(fake.url, "openai", stream)) watcher.pushData(message.data);
    expect(watcher.usageReported).toBe(false);
    expect(watcher.generatedText()).toBe('{"a":"bcd"}');
    expect(watcher.completionCharacters).toBe(11);
    watcher.pushData("not json");
    expect(watcher.completionCharacters).toBe(11);
  });
});

describe("AnthropicStreamUsage", () => {
  it("takes input counters from message_start and the output total from message_delta", async () => {
    fake.enqueue(
      replyText("Hello world", {
        usage: { promptTokens: 12, completionTokens: 5, cachedTokens: 100, cacheCreationTokens: 30 },
      }),
    );
    const watcher = new AnthropicStreamUsage();
    const events = await streamMessages(fake.url, "anthropic", {
      model: "c",
      max_tokens: 50,
      messages,
      stream: true,
    });
    const [start, ...rest] = events;
    watcher.pushData(start?.data ?? "");
    // message_start reports a provisional output count of 1.
    expect(watcher.usage.outputTokens).toBe(1);
    expect(watcher.usageReported).toBe(false);
    for (const message of rest) watcher.pushData(message.data);
    expect(watcher.finished).toBe(true);
    expect(watcher.usageReported).toBe(true);
    expect(watcher.usage).toEqual({
      inputTokens: 142,
      cachedInputTokens: 100,
      cacheWriteTokens: 30,
      outputTokens: 5,
      reasoningTokens: 0,
    });
    expect(watcher.anthropicCounters).toEqual({
      input_tokens: 12,
      output_tokens: 5,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 30,
    });
    expect(watcher.generatedText()).toBe("Hello world");
  });

  it("lets message_delta's input counters, when present, overwrite message_start's", () => {
    const watcher = new AnthropicStreamUsage();
    watcher.push({
      type: "message_start",
      message: {
        id: "m",
        type: "message",
        role: "assistant",
        model: "c",
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 1, cache_read_input_tokens: 0 },
      },
    });
    watcher.push({
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: 40, input_tokens: 15, cache_read_input_tokens: null },
    });
    expect(watcher.usage).toMatchObject({ inputTokens: 15, outputTokens: 40, cachedInputTokens: 0 });
  });
});
