import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error";
import { retryDelayMs, type SpaceEvent, SpaceEventStream } from "./use-event-stream";

/** A text/event-stream response the test writes to and closes. */
function controllableStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: new Response(body, { headers: { "content-type": "text/event-stream" } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("SpaceEventStream", () => {
  it("retries with backoff, dispatches events, and reconnects when the server closes the stream", async () => {
    const first = controllableStream();
    const second = controllableStream();
    const open = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, "UNAVAILABLE", "Restarting"))
      .mockResolvedValueOnce(first.response)
      .mockResolvedValueOnce(second.response);
    const stream = new SpaceEventStream("space-1", open, () => 0.5);
    const events: SpaceEvent[] = [];
    const unsubscribe = stream.subscribe((event) => events.push(event));

    await vi.advanceTimersByTimeAsync(0);
    expect(stream.getStatus().state).toBe("reconnecting");
    expect(open).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(retryDelayMs(0, () => 0.5));
    expect(open).toHaveBeenCalledTimes(2);
    expect(stream.getStatus().state).toBe("open");

    first.send('retry: 3000\n\nevent: document.status\ndata: {"document_id":"d1","status":"processed"}\n\n');
    first.send("event: unknown.kind\ndata: {}\n\n");
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([
      { type: "connected", reconnected: false },
      { type: "document.status", data: { document_id: "d1", status: "processed" } },
    ]);

    first.close();
    await vi.advanceTimersByTimeAsync(retryDelayMs(0, () => 0.5));
    expect(open).toHaveBeenCalledTimes(3);
    expect(events.at(-1)).toEqual({ type: "connected", reconnected: true });

    unsubscribe();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(stream.getStatus().state).toBe("closed");
    expect(open.mock.calls[2]?.[1].aborted).toBe(true);
  });

  it("gives up when access is refused", async () => {
    const open = vi.fn().mockRejectedValue(new ApiError(403, "FORBIDDEN", "Not a member of this space"));
    const stream = new SpaceEventStream("space-1", open);
    stream.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(open).toHaveBeenCalledTimes(1);
    expect(stream.getStatus()).toMatchObject({ state: "closed" });
    expect((stream.getStatus().error as ApiError).message).toBe("Not a member of this space");
  });

  it("backs off exponentially up to 30 seconds", () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 10].map((attempt) => retryDelayMs(attempt, middle))).toEqual([
      1000, 2000, 4000, 8000, 30000,
    ]);
  });
});
