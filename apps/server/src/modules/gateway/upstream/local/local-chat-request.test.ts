import { describe, expect, it } from "vitest";
import { UpstreamFailure } from "../upstream-failure.js";
import { parseLocalChatRequest } from "./local-chat-request.js";

const parse = (fields: Record<string, unknown>) =>
  parseLocalChatRequest(
    JSON.stringify({ model: "tiny", messages: [{ role: "user", content: "Hi" }], ...fields }),
  );

function refusal(fields: Record<string, unknown>) {
  try {
    parse(fields);
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamFailure);
    const failure = error as UpstreamFailure;
    expect(failure.failureClass).toBe("client_error");
    expect(failure.details.status).toBe(400);
    return JSON.parse(failure.details.body ?? "{}") as { error: { type: string; param: string | null } };
  }
  throw new Error("expected a refusal");
}

describe("parseLocalChatRequest", () => {
  it("maps OpenAI messages to a chat history ending with the model's turn", () => {
    const request = parse({
      messages: [
        { role: "system", content: "Be brief" },
        { role: "user", content: [{ type: "text", text: "Hello" }] },
        { role: "assistant", content: "Hi" },
        { role: "user", content: "Again" },
      ],
    });
    expect(request.history).toEqual([
      { type: "system", text: "Be brief" },
      { type: "user", text: "Hello" },
      { type: "model", response: ["Hi"] },
      { type: "user", text: "Again" },
      { type: "model", response: [] },
    ]);
  });

  it("continues a trailing assistant message (prefill)", () => {
    const request = parse({
      messages: [
        { role: "user", content: "Count" },
        { role: "assistant", content: "1, 2," },
      ],
    });
    expect(request.history.at(-1)).toEqual({ type: "model", response: ["1, 2,"] });
  });

  it("reads sampling settings, stop sequences and the stream options", () => {
    const request = parse({
      max_tokens: 8,
      temperature: 0,
      top_p: 0.9,
      seed: 7,
      stop: "\n",
      stream: true,
      stream_options: { include_usage: true },
      response_format: { type: "json_object" },
    });
    expect(request).toMatchObject({
      model: "tiny",
      maxTokens: 8,
      temperature: 0,
      topP: 0.9,
      seed: 7,
      stop: ["\n"],
      stream: true,
      streamUsage: true,
      json: true,
    });
    expect(parse({ max_completion_tokens: 3, max_tokens: 9 }).maxTokens).toBe(3);
    // OpenAI's default temperature when none is given.
    expect(parse({}).temperature).toBe(1);
    expect(parse({}).maxTokens).toBeNull();
  });

  it("refuses what a local model cannot do, with a 400 in OpenAI's shape", () => {
    const tools = [{ type: "function", function: { name: "f", parameters: {} } }];
    expect(refusal({ tools }).error).toMatchObject({ type: "invalid_request_error", param: "tools" });
    expect(refusal({ n: 2 }).error.param).toBe("n");
    expect(refusal({ logprobs: true }).error.param).toBe("logprobs");
    expect(refusal({ response_format: { type: "json_schema", json_schema: {} } }).error.param).toBe(
      "response_format",
    );
    expect(refusal({ stop: ["a", "b", "c", "d", "e"] }).error.param).toBe("stop");
    expect(refusal({ temperature: 3 }).error.param).toBe("temperature");
    expect(refusal({ max_tokens: 0 }).error.param).toBe("max_tokens");
    const image = { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } };
    expect(refusal({ messages: [{ role: "user", content: [image] }] }).error.param).toBe(
      "messages[0].content",
    );
    expect(refusal({ messages: [{ role: "robot", content: "x" }] }).error.param).toBe("messages[0].role");
  });
});
