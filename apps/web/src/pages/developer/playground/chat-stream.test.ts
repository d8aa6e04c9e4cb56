import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/api-error";
import type { ServerSentEvent } from "../../../api/sse";
import { readChatStream } from "./chat-stream";

async function* events(...data: string[]): AsyncGenerator<ServerSentEvent> {
  for (const item of data) yield { event: "message", data: item };
}

const chunk = (content: string | null, extra: object = {}) =>
  JSON.stringify({
    model: "fast",
    choices: [{ index: 0, delta: content === null ? {} : { content } }],
    ...extra,
  });

describe("readChatStream", () => {
  it("accumulates text and takes usage and router metadata from the last chunks", async () => {
    const seen: string[] = [];
    const result = await readChatStream(
      events(
        chunk("Hel"),
        chunk("lo"),
        JSON.stringify({ model: "fast", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }),
        JSON.stringify({
          model: "fast",
          choices: [],
          usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
          router_metadata: { provider: "openai-main", model: "gpt-4o-mini", actual_cost: 0.0001 },
        }),
        "[DONE]",
      ),
      (text) => seen.push(text),
    );
    expect(seen).toEqual(["Hel", "Hello"]);
    expect(result).toEqual({
      text: "Hello",
      model: "fast",
      finishReason: "stop",
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
      routerMetadata: { provider: "openai-main", model: "gpt-4o-mini", actual_cost: 0.0001 },
      completed: true,
    });
  });

  it("reports a stream that ended without [DONE] as incomplete", async () => {
    const result = await readChatStream(events(chunk("partial")), () => {});
    expect(result.completed).toBe(false);
    expect(result.text).toBe("partial");
  });

  it("throws the message of an error frame sent mid-stream", async () => {
    const failing = readChatStream(
      events(
        chunk("a"),
        JSON.stringify({
          error: {
            message: "The provider stream failed: reset",
            type: "provider_error",
            code: "stream_failed",
          },
        }),
      ),
      () => {},
    );
    await expect(failing).rejects.toBeInstanceOf(ApiError);
    await expect(failing).rejects.toThrow("The provider stream failed: reset");
  });
});
