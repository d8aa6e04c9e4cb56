/**
 * Non-stream round trips through the fake upstream: a client request in one protocol, translated,
 * answered by the upstream in the other protocol, and translated back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anthropicRequestToOpenAi, openAiResponseToAnthropic } from "./anthropic-to-openai.js";
import type { AnthropicMessageResponse, AnthropicRequest } from "./anthropic-types.js";
import {
  anthropicResponseToOpenAi,
  openAiRequestToAnthropic,
  structuredOutputToolName,
} from "./openai-to-anthropic.js";
import type { OpenAiChatCompletion, OpenAiChatRequest, OpenAiMessage } from "./openai-types.js";
import {
  callUpstream,
  type FakeLlm,
  replyText,
  replyToolCalls,
  startFakeLlm,
} from "./testing/fake-upstream.js";

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

const weatherTool = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Current weather",
    parameters: {
      type: "object",
      properties: { location: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
      required: ["location", "unit"],
    },
  },
};

/** OpenAI client → Anthropic upstream → OpenAI answer. */
async function viaAnthropic(request: OpenAiChatRequest): Promise<{
  upstream: AnthropicMessageResponse;
  answer: OpenAiChatCompletion;
}> {
  const translated = openAiRequestToAnthropic(request, {
    upstreamModel: "claude-upstream",
    defaultMaxTokens: 512,
  });
  const reply = await callUpstream(fake.url, "anthropic", translated);
  expect(reply.status).toBe(200);
  const upstream = reply.body as AnthropicMessageResponse;
  const tool = structuredOutputToolName(request);
  const answer = anthropicResponseToOpenAi(upstream, {
    model: request.model,
    ...(tool === undefined ? {} : { structuredOutputTool: tool }),
  });
  return { upstream, answer };
}

/** Anthropic client → OpenAI upstream → Anthropic answer. */
async function viaOpenAi(request: AnthropicRequest): Promise<{
  upstream: OpenAiChatCompletion;
  answer: AnthropicMessageResponse;
}> {
  const translated = anthropicRequestToOpenAi(request, { upstreamModel: "gpt-upstream" });
  const reply = await callUpstream(fake.url, "openai", translated);
  expect(reply.status).toBe(200);
  const upstream = reply.body as OpenAiChatCompletion;
  return { upstream, answer: openAiResponseToAnthropic(upstream, { model: request.model }) };
}

describe("OpenAI client, Anthropic upstream", () => {
  it("answers plain text with the upstream's usage", async () => {
    const { upstream, answer } = await viaAnthropic({
      model: "gpt-4o",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "What is the capital of France?" },
      ],
    });
    expect(fake.requests[0]?.body).toMatchObject({
      model: "claude-upstream",
      system: "Be brief.",
      max_tokens: 512,
    });
    expect(answer).toMatchObject({
      object: "chat.completion",
      model: "gpt-4o",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "You said: What is the capital of France?" },
          finish_reason: "stop",
        },
      ],
      usage: {
        prompt_tokens: upstream.usage.input_tokens,
        completion_tokens: upstream.usage.output_tokens,
        total_tokens: upstream.usage.input_tokens + upstream.usage.output_tokens,
      },
    });
  });

  it("counts cache reads and writes into prompt_tokens and reports cache reads as cached_tokens", async () => {
    fake.enqueue(
      replyText("ok", {
        usage: { promptTokens: 10, completionTokens: 2, cachedTokens: 40, cacheCreationTokens: 5 },
      }),
    );
    const { answer } = await viaAnthropic({ model: "m", messages: [{ role: "user", content: "hi" }] });
    expect(answer.usage).toEqual({
      prompt_tokens: 55,
      completion_tokens: 2,
      total_tokens: 57,
      prompt_tokens_details: { cached_tokens: 40 },
    });
  });

  it("round-trips tools: a forced call, then its result answered", async () => {
    const messages: OpenAiMessage[] = [{ role: "user", content: "Weather in Paris?" }];
    const first = await viaAnthropic({ model: "m", messages, tools: [weatherTool], tool_choice: "required" });
    const choice = first.answer.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    const call = choice?.message.tool_calls?.[0];
    expect(call).toMatchObject({ type: "function", function: { name: "get_weather" } });
    expect(JSON.parse(call?.function.arguments ?? "")).toEqual({ location: "example", unit: "celsius" });
    expect(call?.id).toMatch(/^toolu_/);

    messages.push(
      {
        role: "assistant",
        content: choice?.message.content ?? null,
        tool_calls: choice?.message.tool_calls ?? [],
      },
      { role: "tool", tool_call_id: call?.id ?? "", content: "18 degrees and sunny" },
    );
    const second = await viaAnthropic({ model: "m", messages, tools: [weatherTool] });
    expect(fake.requests[1]?.body).toMatchObject({
      messages: [
        { role: "user", content: "Weather in Paris?" },
        { role: "assistant", content: [{ type: "tool_use", id: call?.id, name: "get_weather" }] },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: call?.id, content: "18 degrees and sunny" }],
        },
      ],
    });
    expect(second.answer.choices[0]).toMatchObject({
      finish_reason: "stop",
      message: { content: "You said: 18 degrees and sunny" },
    });
  });

  it("gives several tool calls in order with their arguments as JSON text", async () => {
    fake.enqueue(
      replyToolCalls([
        { name: "get_weather", arguments: '{"location":"Paris","unit":"celsius"}' },
        { name: "get_weather", arguments: '{"location":"Rome","unit":"celsius"}' },
      ]),
    );
    const { answer } = await viaAnthropic({
      model: "m",
      messages: [{ role: "user", content: "x" }],
      tools: [weatherTool],
    });
    const calls = answer.choices[0]?.message.tool_calls ?? [];
    expect(calls.map((call) => JSON.parse(call.function.arguments))).toEqual([
      { location: "Paris", unit: "celsius" },
      { location: "Rome", unit: "celsius" },
    ]);
    expect(answer.choices[0]?.message.content).toBeNull();
  });

  it("sends images as base64 image blocks", async () => {
    const { answer } = await viaAnthropic({
      model: "m",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is in this image?" },
            { type: "image_url", image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
          ],
        },
      ],
    });
    expect(fake.requests[0]?.body).toMatchObject({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is in this image?" },
            { type: "image", source: { type: "base64", media_type: "image/png", data: PNG_BASE64 } },
          ],
        },
      ],
    });
    expect(answer.choices[0]?.message.content).toBe("You said: What is in this image?");
  });

  it("emulates json_schema with a forced tool and answers with the JSON as content", async () => {
    const { upstream, answer } = await viaAnthropic({
      model: "m",
      messages: [{ role: "user", content: "List languages" }],
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "programming_languages",
          schema: {
            type: "object",
            properties: {
              languages: {
                type: "array",
                items: {
                  type: "object",
                  properties: { name: { type: "string" }, year_created: { type: "integer" } },
                },
              },
            },
            required: ["languages"],
          },
        },
      },
    });
    expect(upstream.stop_reason).toBe("tool_use");
    expect(answer.choices[0]).toMatchObject({ finish_reason: "stop", message: { role: "assistant" } });
    expect(answer.choices[0]?.message.tool_calls).toBeUndefined();
    expect(JSON.parse(answer.choices[0]?.message.content ?? "")).toEqual({
      languages: [{ name: "example", year_created: 1 }],
    });
  });

  it("stops at stop sequences and at max_tokens", async () => {
    fake.enqueue(replyText("Hello END world"));
    const stopped = await viaAnthropic({
      model: "m",
      messages: [{ role: "user", content: "x" }],
      stop: "END",
    });
    expect(stopped.upstream.stop_reason).toBe("stop_sequence");
    expect(stopped.answer.choices[0]).toMatchObject({
      finish_reason: "stop",
      message: { content: "Hello " },
    });

    fake.enqueue(replyText("one two three four"));
    const cut = await viaAnthropic({
      model: "m",
      messages: [{ role: "user", content: "x" }],
      max_completion_tokens: 2,
    });
    expect(cut.answer.choices[0]).toMatchObject({ finish_reason: "length", message: { content: "one two" } });
  });
});

describe("Anthropic client, OpenAI upstream", () => {
  it("answers plain text with usage split into uncached input and cache reads", async () => {
    fake.enqueue(replyText("Paris.", { usage: { promptTokens: 30, completionTokens: 2, cachedTokens: 24 } }));
    const { answer } = await viaOpenAi({
      model: "claude-sonnet-4-6",
      max_tokens: 100,
      system: "Be brief.",
      messages: [{ role: "user", content: "Capital of France?" }],
    });
    expect(fake.requests[0]?.body).toMatchObject({
      model: "gpt-upstream",
      max_completion_tokens: 100,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Capital of France?" },
      ],
    });
    expect(answer).toEqual({
      id: expect.stringMatching(/^msg_chatcmpl-/),
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-6",
      content: [{ type: "text", text: "Paris." }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: {
        input_tokens: 6,
        output_tokens: 2,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 24,
      },
    });
  });

  it("round-trips tools: a forced call, then its result answered", async () => {
    const tools = [
      {
        name: "get_weather",
        description: "Current weather",
        input_schema: weatherTool.function.parameters,
      },
    ];
    const messages: AnthropicRequest["messages"] = [{ role: "user", content: "Weather in Paris?" }];
    const first = await viaOpenAi({
      model: "c",
      max_tokens: 100,
      messages,
      tools,
      tool_choice: { type: "any" },
    });
    expect(first.answer.stop_reason).toBe("tool_use");
    const block = first.answer.content[0];
    expect(block).toMatchObject({
      type: "tool_use",
      name: "get_weather",
      input: { location: "example", unit: "celsius" },
    });
    const id = block?.type === "tool_use" ? block.id : "";
    expect(id).toMatch(/^call_/);

    messages.push(
      { role: "assistant", content: first.answer.content },
      { role: "user", content: [{ type: "tool_result", tool_use_id: id, content: "18 degrees" }] },
    );
    const second = await viaOpenAi({ model: "c", max_tokens: 100, messages, tools });
    expect(fake.requests[1]?.body).toMatchObject({
      messages: [
        { role: "user", content: "Weather in Paris?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id, type: "function", function: { name: "get_weather" } }],
        },
        { role: "tool", tool_call_id: id, content: "18 degrees" },
      ],
    });
    expect(second.answer).toMatchObject({
      stop_reason: "end_turn",
      content: [{ type: "text", text: "You said: 18 degrees" }],
    });
  });

  it("sends base64 images as data: URLs", async () => {
    const { answer } = await viaOpenAi({
      model: "c",
      max_tokens: 100,
      messages: [
        {
          role: "user",
          content: [
            { type: "image", source: { type: "base64", media_type: "image/png", data: PNG_BASE64 } },
            { type: "text", text: "What is this?" },
          ],
        },
      ],
    });
    expect(fake.requests[0]?.body).toMatchObject({
      messages: [
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
            { type: "text", text: "What is this?" },
          ],
        },
      ],
    });
    expect(answer.content).toEqual([{ type: "text", text: "You said: What is this?" }]);
  });

  it("stops at stop sequences and at max_tokens", async () => {
    fake.enqueue(replyText("Hello END world"), replyText("one two three"));
    const stopped = await viaOpenAi({
      model: "c",
      max_tokens: 100,
      stop_sequences: ["END"],
      messages: [{ role: "user", content: "x" }],
    });
    expect(stopped.answer).toMatchObject({
      stop_reason: "end_turn",
      content: [{ type: "text", text: "Hello " }],
    });
    const cut = await viaOpenAi({ model: "c", max_tokens: 1, messages: [{ role: "user", content: "x" }] });
    expect(cut.answer).toMatchObject({ stop_reason: "max_tokens", content: [{ type: "text", text: "one" }] });
  });
});
