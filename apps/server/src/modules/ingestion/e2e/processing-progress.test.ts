import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IngestionClient, type IngestionE2e, startIngestionE2e } from "../testing/ingestion-e2e.js";

let e2e: IngestionE2e;
let client: IngestionClient;

beforeAll(async () => {
  e2e = await startIngestionE2e();
  client = await e2e.newClient("progress");
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

interface StreamEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Reads the space's event stream until `done` says so; the events in order. */
async function readEvents(response: Response, done: (event: StreamEvent) => boolean): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw new Error("no stream body");
  let buffer = "";
  for (;;) {
    const { value, done: ended } = await reader.read();
    if (ended) return events;
    buffer += value;
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (!event || !data) continue;
      const parsed = { event, data: JSON.parse(data) as Record<string, unknown> };
      events.push(parsed);
      if (done(parsed)) {
        await reader.cancel();
        return events;
      }
    }
  }
}

describe("processing progress on the events stream", { timeout: 90_000 }, () => {
  it("reports extracting, indexing and storing, with the chunk count, before the document is processed", async () => {
    const controller = new AbortController();
    const stream = await fetch(`${e2e.origin}/api/v1/events/stream`, {
      headers: { ...client.headers, accept: "text/event-stream" },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const text = `${"Rivers carry water to the sea. ".repeat(200)}\n\nThe end.`;
    const reading = readEvents(
      stream,
      (event) => event.event === "document.status" && event.data.status === "processed",
    );
    const document = await client.uploadDocument(text, "river.txt");
    const events = (await reading).filter((event) => event.data.document_id === document.id);
    controller.abort();

    const progress = events.filter((event) => event.event === "document.progress").map((event) => event.data);
    expect(progress.map((data) => [data.step, data.step_number, data.steps])).toEqual([
      ["extracting", 1, 3],
      ["indexing", 2, 3],
      ["storing", 3, 3],
    ]);
    const processed = await client.settled(document.id);
    expect(progress[1]?.chunk_count).toBe(processed.chunk_count);
    expect(progress[2]?.chunk_count).toBe(processed.chunk_count);
    // Progress comes before the status that ends processing.
    expect(events.at(-1)).toMatchObject({ event: "document.status", data: { status: "processed" } });
  });
});
