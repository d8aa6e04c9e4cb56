import { describe, expect, it } from "vitest";
import type { AnthropicMessageResponse } from "./anthropic-types.js";
import { ProtocolTranslationError } from "./errors.js";
import {
  anthropicResponseToOpenAi,
  JSON_OBJECT_INSTRUCTION,
  openAiRequestToAnthropic,
  structuredOutputToolName,
} from "./openai-to-anthropic.js";
import type { OpenAiChatRequest } from "./openai-types.js";

const options = { upstreamModel: "claude-sonnet-4-6", defaultMaxTokens: 4096 };

function translate(request: Partial<OpenAiChatRequest>) {
  return openAiRequestToAnthropic({ model: "gpt-4o", messages: [], ...request }, options);
}

function failure(request: Partial<OpenAiChatRequest>): ProtocolTranslationError {
  try {
    translate(request);
  } catch (error) {
    if (error instanceof ProtocolTranslationError) return error;
    throw error;
  }
  throw new Error("expected a ProtocolTranslationError");
}

describe("openAiRequestToAnthropic: messages", () => {
  it("hoists system and developer messages, keeps user text as a string, and sets the upstream model", () => {
    const out = translate({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
        { role: "developer", content: [{ type: "text", text: "Answer in French." }] },
      ],
    });
    expect(out).toEqual({
      model: "claude-sonnet-4-6",
      max_tokens: 4096,
      system: [
        { type: "text", text: "Be brief." },
        { type: "text", text: "Answer in French." },
      ],
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(
      translate({
        messages: [
          { role: "system", content: "One." },
          { role: "user", content: "x" },
        ],
      }).system,
    ).toBe("One.");
  });

  it("keeps cache_control that OpenAI-style clients put on text parts", () => {
    const out = translate({
      messages: [
        {
          role: "system",
          content: [{ type: "text", text: "Long prompt", cache_control: { type: "ephemeral" } }],
        },
        { role: "user", content: "Hi" },
      ],
    });
    expect(out.system).toEqual([{ type: "text", text: "Long prompt", cache_control: { type: "ephemeral" } }]);
  });

  it("merges consecutive same-role messages and drops empty text", () => {
    const out = translate({
      messages: [
        { role: "user", content: "one" },
        { role: "user", content: [{ type: "text", text: "two" }] },
        { role: "user", content: "" },
        { role: "assistant", content: "three" },
        { role: "assistant", content: "" },
        { role: "user", content: "four" },
      ],
    });
    expect(out.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "one" },
          { type: "text", text: "two" },
        ],
      },
      { role: "assistant", content: "three" },
      { role: "user", content: "four" },
    ]);
  });

  it("turns data: images into base64 sources and http(s) images into url sources", () => {
    const out = translate({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is this?" },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=", detail: "high" } },
            { type: "image_url", image_url: { url: "https://example.com/cat.jpg" } },
          ],
        },
      ],
    });
    expect(out.messages[0]?.content).toEqual([
      { type: "text", text: "What is this?" },
      { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
      { type: "image", source: { type: "url", url: "https://example.com/cat.jpg" } },
    ]);
    const bad = failure({
      messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "ftp://x/y.png" } }] }],
    });
    expect(bad.param).toBe("messages[0].content[0]");
  });

  it("turns inline PDF files into document blocks and refuses file ids and audio", () => {
    const out = translate({
      messages: [
        {
          role: "user",
          content: [
            { type: "file", file: { file_data: "data:application/pdf;base64,JVBERi0=", filename: "a.pdf" } },
          ],
        },
      ],
    });
    expect(out.messages[0]?.content).toEqual([
      {
        type: "document",
        source: { type: "base64", media_type: "application/pdf", data: "JVBERi0=" },
        title: "a.pdf",
      },
    ]);
    expect(
      failure({ messages: [{ role: "user", content: [{ type: "file", file: { file_id: "file-1" } }] }] })
        .param,
    ).toBe("messages[0].content[0]");
    expect(
      failure({
        messages: [
          { role: "user", content: [{ type: "input_audio", input_audio: { data: "", format: "wav" } }] },
        ],
      }).message,
    ).toMatch(/audio/);
  });

  it("turns tool calls into tool_use blocks and tool messages into one user turn of tool_result blocks", () => {
    const out = translate({
      messages: [
        { role: "user", content: "Weather in Paris and Rome?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Paris"}' },
            },
            {
              id: "call_2",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Rome"}' },
            },
            { id: "call_3", type: "function", function: { name: "now", arguments: "" } },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: "18°C" },
        { role: "tool", tool_call_id: "call_2", content: [{ type: "text", text: "24°C" }] },
        { role: "tool", tool_call_id: "call_3", content: "" },
        { role: "user", content: "Thanks, which is warmer?" },
      ],
    });
    expect(out.messages).toEqual([
      { role: "user", content: "Weather in Paris and Rome?" },
      {
        role: "assistant",
        content: [
          { type: "tool_use", id: "call_1", name: "get_weather", input: { city: "Paris" } },
          { type: "tool_use", id: "call_2", name: "get_weather", input: { city: "Rome" } },
          { type: "tool_use", id: "call_3", name: "now", input: {} },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "call_1", content: "18°C" },
          { type: "tool_result", tool_use_id: "call_2", content: [{ type: "text", text: "24°C" }] },
          { type: "tool_result", tool_use_id: "call_3" },
          { type: "text", text: "Thanks, which is warmer?" },
        ],
      },
    ]);
  });

  it("puts tool results first when user text came before them", () => {
    const out = translate({
      messages: [
        {
          role: "assistant",
          content: "",
          tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: "{}" } }],
        },
        { role: "user", content: "by the way" },
        { role: "tool", tool_call_id: "c", content: "done" },
      ],
    });
    expect(out.messages[1]?.content).toEqual([
      { type: "tool_result", tool_use_id: "c", content: "done" },
      { type: "text", text: "by the way" },
    ]);
  });

  it("refuses tool call arguments that are not a JSON object, naming the param", () => {
    const bad = failure({
      messages: [
        {
          role: "assistant",
          tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: "{oops" } }],
        },
      ],
    });
    expect(bad).toMatchObject({
      status: 400,
      type: "invalid_request_error",
      param: "messages[0].tool_calls[0].function.arguments",
    });
    expect(
      failure({
        messages: [
          {
            role: "assistant",
            tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: "[1]" } }],
          },
        ],
      }).message,
    ).toMatch(/object/);
  });

  it("trims trailing whitespace from a final assistant prefill, which Anthropic refuses", () => {
    const out = translate({
      messages: [
        { role: "user", content: "Write JSON" },
        { role: "assistant", content: "{ " },
      ],
    });
    expect(out.messages[1]).toEqual({ role: "assistant", content: "{" });
  });

  it("refuses legacy function calling and unknown roles", () => {
    expect(failure({ functions: [{ name: "f" }] }).param).toBe("functions");
    expect(failure({ messages: [{ role: "function", name: "f", content: "x" }] }).param).toBe("messages[0]");
    expect(
      failure({
        messages: [{ role: "robot", content: "x" } as unknown as OpenAiChatRequest["messages"][number]],
      }).param,
    ).toBe("messages[0].role");
  });
});

describe("openAiRequestToAnthropic: parameters", () => {
  const messages: OpenAiChatRequest["messages"] = [{ role: "user", content: "Hi" }];

  it("maps sampling, limits, stop, user and stream, and ignores what Anthropic lacks", () => {
    const out = translate({
      messages,
      max_tokens: 100,
      temperature: 1.7,
      top_p: 0.9,
      stop: ["END", "  ", ""],
      user: "user_123",
      stream: true,
      stream_options: { include_usage: true },
      seed: 42,
      logprobs: true,
      frequency_penalty: 0.5,
    });
    expect(out).toEqual({
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "Hi" }],
      max_tokens: 100,
      temperature: 1,
      top_p: 0.9,
      stop_sequences: ["END"],
      metadata: { user_id: "user_123" },
      stream: true,
    });
    expect(translate({ messages, stop: "###", max_tokens: 5, max_completion_tokens: 50, top_p: 1 })).toEqual({
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "Hi" }],
      max_tokens: 50,
      stop_sequences: ["###"],
    });
  });

  it("refuses n > 1", () => {
    expect(failure({ messages, n: 2 })).toMatchObject({ param: "n", type: "invalid_request_error" });
    expect(translate({ messages, n: 1 }).messages).toHaveLength(1);
  });

  it("maps tools and every tool_choice form", () => {
    const tools: OpenAiChatRequest["tools"] = [
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Weather for a city",
          parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
          strict: true,
        },
      },
      { type: "function", function: { name: "now" } },
    ];
    const out = translate({ messages, tools });
    expect(out.tools).toEqual([
      {
        name: "get_weather",
        description: "Weather for a city",
        input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
      { name: "now", input_schema: { type: "object", properties: {} } },
    ]);
    expect(out.tool_choice).toBeUndefined();
    expect(translate({ messages, tools, tool_choice: "auto" }).tool_choice).toEqual({ type: "auto" });
    expect(translate({ messages, tools, tool_choice: "none" }).tool_choice).toEqual({ type: "none" });
    expect(translate({ messages, tools, tool_choice: "required" }).tool_choice).toEqual({ type: "any" });
    expect(
      translate({ messages, tools, tool_choice: { type: "function", function: { name: "now" } } })
        .tool_choice,
    ).toEqual({ type: "tool", name: "now" });
    expect(translate({ messages, tools, parallel_tool_calls: false }).tool_choice).toEqual({
      type: "auto",
      disable_parallel_tool_use: true,
    });
    expect(translate({ messages, tool_choice: "required" }).tool_choice).toBeUndefined();
  });

  it("emulates json_schema with a forced tool and json_object with a system instruction", () => {
    const request: Partial<OpenAiChatRequest> = {
      messages: [{ role: "system", content: "You list languages." }, ...messages],
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "languages",
          schema: { type: "object", properties: { names: { type: "array", items: { type: "string" } } } },
          strict: true,
        },
      },
    };
    const out = translate(request);
    expect(out.tools).toEqual([
      {
        name: "languages",
        description: expect.any(String),
        input_schema: { type: "object", properties: { names: { type: "array", items: { type: "string" } } } },
      },
    ]);
    expect(out.tool_choice).toEqual({ type: "tool", name: "languages" });
    expect(structuredOutputToolName({ model: "m", ...request, messages })).toBe("languages");
    expect(structuredOutputToolName({ model: "m", messages })).toBeUndefined();

    const object = translate({ messages, response_format: { type: "json_object" } });
    expect(object.system).toBe(JSON_OBJECT_INSTRUCTION);
    expect(translate({ messages, response_format: { type: "text" } }).system).toBeUndefined();
  });
});

describe("anthropicResponseToOpenAi", () => {
  const base: AnthropicMessageResponse = {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "claude-sonnet-4-6",
    content: [],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: {
      input_tokens: 10,
      output_tokens: 5,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 20,
    },
  };

  it("joins text, counts cached prompt tokens into prompt_tokens, and echoes the client's model", () => {
    const out = anthropicResponseToOpenAi(
      {
        ...base,
        content: [
          { type: "thinking", thinking: "hmm", signature: "sig" },
          { type: "text", text: "Hello, " },
          { type: "text", text: "world" },
        ],
      },
      { model: "gpt-4o", requestId: "chatcmpl-xyz", created: 1704537600 },
    );
    expect(out).toEqual({
      id: "chatcmpl-xyz",
      object: "chat.completion",
      created: 1704537600,
      model: "gpt-4o",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Hello, world", refusal: null },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage: {
        prompt_tokens: 130,
        completion_tokens: 5,
        total_tokens: 135,
        prompt_tokens_details: { cached_tokens: 100 },
      },
    });
  });

  it("turns tool_use blocks into tool_calls with JSON-text arguments", () => {
    const out = anthropicResponseToOpenAi(
      {
        ...base,
        stop_reason: "tool_use",
        content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } }],
      },
      { model: "gpt-4o" },
    );
    expect(out.id).toBe("chatcmpl-msg_1");
    expect(out.choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: {
        content: null,
        tool_calls: [
          {
            id: "toolu_1",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
        ],
      },
    });
  });

  it("maps every stop reason", () => {
    const cases = [
      ["end_turn", "stop"],
      ["stop_sequence", "stop"],
      ["max_tokens", "length"],
      ["tool_use", "tool_calls"],
      ["refusal", "content_filter"],
      ["pause_turn", "stop"],
      ["model_context_window_exceeded", "length"],
    ] as const;
    for (const [stop, finish] of cases) {
      expect(
        anthropicResponseToOpenAi({ ...base, stop_reason: stop }, { model: "m" }).choices[0]?.finish_reason,
      ).toBe(finish);
    }
  });

  it("gives the structured-output tool's input as the content, finishing with stop", () => {
    const out = anthropicResponseToOpenAi(
      {
        ...base,
        stop_reason: "tool_use",
        content: [
          { type: "text", text: "Here you go:" },
          { type: "tool_use", id: "toolu_1", name: "languages", input: { names: ["Go"] } },
        ],
      },
      { model: "m", structuredOutputTool: "languages" },
    );
    expect(out.choices[0]).toMatchObject({ finish_reason: "stop", message: { content: '{"names":["Go"]}' } });
    expect(out.choices[0]?.message.tool_calls).toBeUndefined();
  });
});
