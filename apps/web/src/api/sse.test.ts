import { describe, expect, it } from "vitest";
import { readServerSentEvents } from "./sse";

function streamOf(...parts: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
}

describe("readServerSentEvents", () => {
  it("parses events split across chunks, multi-line data, ids and comments", async () => {
    const events = [];
    for await (const event of readServerSentEvents(
      streamOf(
        ": keep-alive\n\nevent: answer.del",
        'ta\ndata: {"text":"Hel"}\n\n',
        "id: 7\ndata: a\ndata: b\n\n",
        "data: tail",
      ),
    )) {
      events.push(event);
    }
    expect(events).toEqual([
      { event: "answer.delta", data: '{"text":"Hel"}' },
      { event: "message", data: "a\nb", id: "7" },
      { event: "message", data: "tail" },
    ]);
  });
});
