import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/api-error";
import { citation } from "../../features/citations/citation-fixtures";
import { answerOf } from "./answer-fixtures";
import { readAnswerStream } from "./answer-stream";

function eventStream(...events: Array<[string, unknown]>): Response {
  const text = events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join("");
  return new Response(text, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "x-request-id": "req-1" },
  });
}

function recorder() {
  const calls: unknown[] = [];
  return {
    calls,
    handlers: {
      onDelta: (delta: string) => calls.push(["delta", delta]),
      onCitations: (citations: unknown, warnings: unknown) => calls.push(["citations", citations, warnings]),
    },
  };
}

describe("readAnswerStream", () => {
  it("passes on deltas and citations, and resolves with the done event's answer", async () => {
    const final = answerOf();
    const { calls, handlers } = recorder();
    const answer = await readAnswerStream(
      eventStream(
        ["answer.delta", { delta: "Rivers end " }],
        ["answer.delta", { delta: "in the sea [1]." }],
        ["citations", { citations: [citation(1)], warnings: ["w"] }],
        ["done", final],
      ),
      handlers,
    );
    expect(answer).toEqual(final);
    expect(calls).toEqual([
      ["delta", "Rivers end "],
      ["delta", "in the sea [1]."],
      ["citations", [citation(1)], ["w"]],
    ]);
  });

  it("rejects with the API's message from an error event", async () => {
    const { handlers } = recorder();
    const failure = readAnswerStream(
      eventStream(
        ["answer.delta", { delta: "Riv" }],
        [
          "error",
          { error: { code: "UPSTREAM_ERROR", message: "The model provider failed", request_id: "req-9" } },
        ],
      ),
      handlers,
    );
    await expect(failure).rejects.toMatchObject({
      code: "UPSTREAM_ERROR",
      message: "The model provider failed",
      requestId: "req-9",
    });
    await failure.catch((error) => expect(error).toBeInstanceOf(ApiError));
  });

  it("rejects when the stream ends without a done event", async () => {
    const { handlers } = recorder();
    await expect(
      readAnswerStream(eventStream(["answer.delta", { delta: "Riv" }]), handlers),
    ).rejects.toMatchObject({
      code: "STREAM_ENDED",
      requestId: "req-1",
    });
  });

  it("takes a JSON reply as the whole answer", async () => {
    const final = answerOf({ mode: "not_found", citations: [], answer: "I could not find this." });
    const { calls, handlers } = recorder();
    const response = new Response(JSON.stringify(final), { headers: { "content-type": "application/json" } });
    expect(await readAnswerStream(response, handlers)).toEqual(final);
    expect(calls).toEqual([
      ["delta", "I could not find this."],
      ["citations", [], []],
    ]);
  });
});
