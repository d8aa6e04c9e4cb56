import { describe, expect, it } from "vitest";
import {
  anthropicRequestToOpenAi,
  openAiResponseToAnthropic,
  parseToolInput,
} from "./anthropic-to-openai.js";
import type { AnthropicRequest } from "./anthropic-types.js";
import { ProtocolTranslationError } from "./errors.js";
import type { OpenAiChatCompletion } from "./openai-types.js";

function translate(request: Partial<AnthropicRequest>) {
  return anthropicRequestToOpenAi(
    { model: "claude-sonnet-4-6", max_tokens: 1024, messages: [], ...request },
    { upstreamModel: "gpt-4o" },
  );
}

function failure(request: Partial<AnthropicRequest>): ProtocolTranslationError {
  try {
    translate(request);
  } catch (error) {
    if (error instanceof ProtocolTranslationError) return error;
    throw error;
  }
  throw new Error("expected a ProtocolTranslationError");
}

describe("anthropicRequestToOpenAi", () => {
  it("puts the system prompt first and maps the parameters", () => {
    const out = translate({
      system: [
        { type: "text", text: "You are terse.", cache_control: { type: "ephemeral" } },
        { type: "text", text: "Answer in French." },
      ],
      messages: [{ role: "user", content: "Hi" }],
      temperature: 0.3,
      top_p: 0.8,
      top_k: 40,
      stop_sequences: ["END"],
      metadata: { user_id: "u1" },
      stream: true,
    });
    expect(out).toEqual({
      model: "gpt-4o",
      messages: [
        { role: "system", content: "You are terse.\n\nAnswer in French." },
        { role: "user", content: "Hi" },
      ],
      max_completion_tokens: 1024,
      temperature: 0.3,
      top_p: 0.8,
      stop: ["END"],
      user: "u1",
      stream: true,
      stream_options: { include_usage: true },
    });
    const legacy = anthropicRequestToOpenAi(
      { model: "c", max_tokens: 7, messages: [], system: "S" },
      { upstreamModel: "m", maxTokensField: "max_tokens" },
    );
    expect(legacy).toEqual({ model: "m", messages: [{ role: "system", content: "S" }], max_tokens: 7 });
  });

  it("turns content blocks into parts, images into data: URLs, and drops cache_control", () => {
    const out = translate({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Describe", cache_control: { type: "ephemeral" } },
            { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "/9j/4AAQ" } },
            { type: "image", source: { type: "url", url: "https://example.com/a.png" } },
            { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBERi0=" } },
          ],
        },
      ],
    });
    expect(out.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Describe" },
          { type: "image_url", image_url: { url: "data:image/jpeg;base64,/9j/4AAQ" } },
          { type: "image_url", image_url: { url: "https://example.com/a.png" } },
          {
            type: "file",
            file: { file_data: "data:application/pdf;base64,JVBERi0=", filename: "document.pdf" },
          },
        ],
      },
    ]);
  });

  it("turns tool_use into tool_calls and tool_result into tool messages placed before the rest of the turn", () => {
    const out = translate({
      messages: [
        { role: "user", content: "Weather?" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "call the tool", signature: "sig" },
            { type: "text", text: "Checking." },
            { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "text", text: "Also, be quick." },
            { type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "18°C" }] },
            {
              type: "tool_result",
              tool_use_id: "toolu_2",
              is_error: true,
              content: "city not found",
            },
            {
              type: "tool_result",
              tool_use_id: "toolu_3",
              content: [
                { type: "text", text: "chart:" },
                { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBO" } },
              ],
            },
          ],
        },
      ],
    });
    expect(out.messages).toEqual([
      { role: "user", content: "Weather?" },
      {
        role: "assistant",
        content: "Checking.",
        tool_calls: [
          {
            id: "toolu_1",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: "tool", tool_call_id: "toolu_1", content: "18°C" },
      { role: "tool", tool_call_id: "toolu_2", content: "Error: city not found" },
      { role: "tool", tool_call_id: "toolu_3", content: "chart:" },
      {
        role: "user",
        content: [
          { type: "image_url", image_url: { url: "data:image/png;base64,iVBO" } },
          { type: "text", text: "Also, be quick." },
        ],
      },
    ]);
  });

  it("maps tools and tool_choice, including disable_parallel_tool_use", () => {
    const tools: AnthropicRequest["tools"] = [
      {
        name: "get_weather",
        description: "Weather",
        input_schema: { type: "object", properties: {} },
        cache_control: { type: "ephemeral" },
      },
    ];
    const messages: AnthropicRequest["messages"] = [{ role: "user", content: "x" }];
    expect(translate({ messages, tools }).tools).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Weather",
          parameters: { type: "object", properties: {} },
        },
      },
    ]);
    expect(translate({ messages, tools, tool_choice: { type: "auto" } }).tool_choice).toBe("auto");
    expect(translate({ messages, tools, tool_choice: { type: "none" } }).tool_choice).toBe("none");
    const any = translate({ messages, tools, tool_choice: { type: "any", disable_parallel_tool_use: true } });
    expect(any.tool_choice).toBe("required");
    expect(any.parallel_tool_calls).toBe(false);
    expect(
      translate({ messages, tools, tool_choice: { type: "tool", name: "get_weather" } }).tool_choice,
    ).toEqual({
      type: "function",
      function: { name: "get_weather" },
    });
    const serverTool = failure({
      messages,
      tools: [{ type: "web_search_20250305", name: "web_search", input_schema: {} }],
    });
    expect(serverTool.param).toBe("tools[0]");
  });

  it("refuses what has no OpenAI form", () => {
    expect(
      failure({
        messages: [
          { role: "user", content: [{ type: "image", source: { type: "file", file_id: "file_1" } }] },
        ],
      }).param,
    ).toBe("messages[0].content[0]");
    expect(
      failure({
        messages: [{ role: "assistant", content: [{ type: "tool_result", tool_use_id: "x" }] }],
      }).param,
    ).toBe("messages[0].content[0]");
  });
});

describe("openAiResponseToAnthropic", () => {
  const base: OpenAiChatCompletion = {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1,
    model: "gpt-4o-2024",
    choices: [
      { index: 0, message: { role: "assistant", content: "Hello" }, finish_reason: "stop", logprobs: null },
    ],
    usage: {
      prompt_tokens: 120,
      completion_tokens: 7,
      total_tokens: 127,
      prompt_tokens_details: { cached_tokens: 100 },
    },
  };

  it("builds the message, with cached tokens moved out of input_tokens", () => {
    expect(openAiResponseToAnthropic(base, { model: "claude-sonnet-4-6" })).toEqual({
      id: "msg_chatcmpl-1",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-6",
      content: [{ type: "text", text: "Hello" }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: {
        input_tokens: 20,
        output_tokens: 7,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 100,
      },
    });
  });

  it("turns tool calls into tool_use blocks with parsed input", () => {
    const out = openAiResponseToAnthropic(
      {
        ...base,
        choices: [
          {
            index: 0,
            finish_reason: "tool_calls",
            message: {
              role: "assistant",
              content: null,
              tool_calls: [
                { id: "call_1", type: "function", function: { name: "f", arguments: '{"a":1}' } },
                { id: "call_2", type: "function", function: { name: "g", arguments: '{"trunc' } },
              ],
            },
          },
        ],
      },
      { model: "c", messageId: "msg_fixed" },
    );
    expect(out.id).toBe("msg_fixed");
    expect(out.stop_reason).toBe("tool_use");
    expect(out.content).toEqual([
      { type: "tool_use", id: "call_1", name: "f", input: { a: 1 } },
      { type: "tool_use", id: "call_2", name: "g", input: {} },
    ]);
  });

  it("maps finish reasons and refusals, and answers an empty completion with one empty text block", () => {
    const finish = (reason: "length" | "content_filter" | "stop") =>
      openAiResponseToAnthropic(
        {
          ...base,
          choices: [{ index: 0, message: { role: "assistant", content: "" }, finish_reason: reason }],
        },
        { model: "c" },
      );
    expect(finish("length").stop_reason).toBe("max_tokens");
    expect(finish("content_filter").stop_reason).toBe("refusal");
    expect(finish("stop").content).toEqual([{ type: "text", text: "" }]);
    const refused = openAiResponseToAnthropic(
      {
        ...base,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: null, refusal: "I can't help." },
            finish_reason: "stop",
          },
        ],
      },
      { model: "c" },
    );
    expect(refused).toMatchObject({
      stop_reason: "refusal",
      content: [{ type: "text", text: "I can't help." }],
    });
  });

  it("parses tool input leniently", () => {
    expect(parseToolInput(undefined)).toEqual({});
    expect(parseToolInput("")).toEqual({});
    expect(parseToolInput("[1]")).toEqual({});
    expect(parseToolInput('{"x":[1]}')).toEqual({ x: [1] });
  });
});
