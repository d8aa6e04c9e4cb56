/** Real OpenAI streams from the fake upstream, translated into Anthropic events. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AnthropicStreamEvent } from "./anthropic-types.js";
import { OpenAiStreamToAnthropic } from "./openai-stream-to-anthropic.js";
import type { OpenAiChatCompletion, OpenAiChatRequest } from "./openai-types.js";
import {
  callUpstream,
  type FakeLlm,
  replyText,
  startFakeLlm,
  streamMessages,
} from "./testing/fake-upstream.js";
import { usageFromOpenAi, usageToAnthropic } from "./usage.js";

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** What anthropicRequestToOpenAi sends for a streamed request. */
const request: OpenAiChatRequest = {
  model: "gpt-upstream",
  messages: [{ role: "user", content: "What is the capital of France?" }],
  stream: true,
  stream_options: { include_usage: true },
};

async function translateStream(body: OpenAiChatRequest): Promise<{
  events: AnthropicStreamEvent[];
  translator: OpenAiStreamToAnthropic;
}> {
  const translator = new OpenAiStreamToAnthropic({ model: "claude-sonnet-4-6" });
  const events: AnthropicStreamEvent[] = [];
  for (const message of await streamMessages(fake.url, "openai", body))
    events.push(...translator.pushData(message.data));
  return { events, translator };
}

function textOf(events: AnthropicStreamEvent[], index: number): string {
  return events
    .map((event) =>
      event.type === "content_block_delta" && event.index === index && event.delta.type === "text_delta"
        ? event.delta.text
        : "",
    )
    .join("");
}

function jsonOf(events: AnthropicStreamEvent[], index: number): string {
  return events
    .map((event) =>
      event.type === "content_block_delta" && event.index === index && event.delta.type === "input_json_delta"
        ? event.delta.partial_json
        : "",
    )
    .join("");
}

/** The event types with consecutive repeats collapsed, e.g. start, delta×n, stop → start, delta, stop. */
function shape(events: AnthropicStreamEvent[]): string[] {
  const types = events.map((event) => ("index" in event ? `${event.type}[${event.index}]` : event.type));
  return types.filter((type, i) => type !== types[i - 1]);
}

describe("OpenAiStreamToAnthropic", () => {
  it("streams text as Anthropic's named events with the final usage in message_delta", async () => {
    const plain = (await callUpstream(fake.url, "openai", { ...request, stream: false }))
      .body as OpenAiChatCompletion;
    const { events, translator } = await translateStream(request);
    expect(shape(events)).toEqual([
      "message_start",
      "content_block_start[0]",
      "content_block_delta[0]",
      "content_block_stop[0]",
      "message_delta",
      "message_stop",
    ]);
    expect(events[0]).toEqual({
      type: "message_start",
      message: {
        id: expect.stringMatching(/^msg_chatcmpl-/),
        type: "message",
        role: "assistant",
        model: "claude-sonnet-4-6",
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: 0,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          output_tokens: 0,
        },
      },
    });
    expect(events[1]).toEqual({
      type: "content_block_start",
      index: 0,
      content_block: { type: "text", text: "" },
    });
    expect(textOf(events, 0)).toBe("You said: What is the capital of France?");
    expect(events.at(-2)).toEqual({
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: usageToAnthropic(usageFromOpenAi(plain.usage)),
    });
    expect(translator.finished).toBe(true);
    expect(translator.usageReported).toBe(true);
    expect(translator.usage.outputTokens).toBe(plain.usage?.completion_tokens);
  });

  it("streams text then tool calls as separate blocks, the call index mapped to the block index", async () => {
    fake.enqueue({
      kind: "reply",
      text: "Let me check.",
      toolCalls: [
        { name: "get_weather", arguments: '{"location":"Paris"}' },
        { name: "get_time", arguments: '{"zone":"CET"}' },
      ],
    });
    const { events } = await translateStream(request);
    expect(shape(events)).toEqual([
      "message_start",
      "content_block_start[0]",
      "content_block_delta[0]",
      "content_block_stop[0]",
      "content_block_start[1]",
      "content_block_delta[1]",
      "content_block_stop[1]",
      "content_block_start[2]",
      "content_block_delta[2]",
      "content_block_stop[2]",
      "message_delta",
      "message_stop",
    ]);
    expect(textOf(events, 0)).toBe("Let me check.");
    const starts = events.filter((event) => event.type === "content_block_start");
    expect(starts.slice(1).map((event) => event.content_block)).toEqual([
      { type: "tool_use", id: expect.stringMatching(/^call_/), name: "get_weather", input: {} },
      { type: "tool_use", id: expect.stringMatching(/^call_/), name: "get_time", input: {} },
    ]);
    expect(JSON.parse(jsonOf(events, 1))).toEqual({ location: "Paris" });
    expect(JSON.parse(jsonOf(events, 2))).toEqual({ zone: "CET" });
    expect(events.at(-2)).toMatchObject({ type: "message_delta", delta: { stop_reason: "tool_use" } });
  });

  it("maps length to max_tokens", async () => {
    fake.enqueue(replyText("one two three"));
    const { events } = await translateStream({ ...request, max_completion_tokens: 2 });
    expect(events.at(-2)).toMatchObject({ type: "message_delta", delta: { stop_reason: "max_tokens" } });
    expect(textOf(events, 0)).toBe("one two");
  });

  it("reports no usage when the upstream sends none, but keeps the text for estimating", async () => {
    fake.enqueue(replyText("Hello there", { omitUsage: true }));
    const { events, translator } = await translateStream(request);
    expect(translator.usageReported).toBe(false);
    expect(translator.generatedText()).toBe("Hello there");
    expect(translator.completionCharacters).toBe(11);
    expect(events.at(-2)).toMatchObject({
      type: "message_delta",
      usage: { input_tokens: 0, output_tokens: 0 },
    });
    expect(events.at(-1)).toEqual({ type: "message_stop" });
  });

  it("closes with an empty text block when nothing was generated, and only once", () => {
    const translator = new OpenAiStreamToAnthropic({
      model: "c",
      messageId: "msg_x",
      estimatedInputTokens: 12,
    });
    const events = translator.pushData("[DONE]");
    expect(shape(events)).toEqual([
      "message_start",
      "content_block_start[0]",
      "content_block_stop[0]",
      "message_delta",
      "message_stop",
    ]);
    expect(events[0]).toMatchObject({ message: { id: "msg_x", usage: { input_tokens: 12 } } });
    expect(translator.end()).toEqual([]);
    expect(translator.sawFinishReason).toBe(false);
  });

  it("turns an error payload into an error event", () => {
    const translator = new OpenAiStreamToAnthropic({ model: "c" });
    expect(
      translator.pushData('{"error":{"message":"Rate limit reached","type":"rate_limit_error"}}'),
    ).toEqual([{ type: "error", error: { type: "rate_limit_error", message: "Rate limit reached" } }]);
  });

  it("maps a streamed refusal to stop_reason refusal", () => {
    const translator = new OpenAiStreamToAnthropic({ model: "c" });
    const base = { id: "c1", object: "chat.completion.chunk" as const, created: 1, model: "g" };
    const events = [
      ...translator.push({
        ...base,
        choices: [{ index: 0, delta: { role: "assistant", refusal: "No." }, finish_reason: null }],
      }),
      ...translator.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }),
      ...translator.end(),
    ];
    expect(textOf(events, 0)).toBe("No.");
    expect(events.at(-2)).toMatchObject({ delta: { stop_reason: "refusal" } });
  });
});
