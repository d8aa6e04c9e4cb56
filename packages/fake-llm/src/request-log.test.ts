import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dropConnection, replyText } from "./behaviours.js";
import { startFakeLlm } from "./server.js";
import type { FakeLlm, RecordedRequest } from "./types.js";

async function settled(record: RecordedRequest | undefined): Promise<RecordedRequest["responseEnd"]> {
  for (let i = 0; i < 200 && record?.responseEnd === "pending"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return record?.responseEnd ?? "pending";
}

describe("fake-llm: the request log tells how each response ended", () => {
  let fake: FakeLlm;
  let client: OpenAI;
  const request = { model: "gpt-4o-mini", messages: [{ role: "user" as const, content: "Hi" }] };

  beforeAll(async () => {
    fake = await startFakeLlm();
    client = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: "sk-any", maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it("marks a complete answer finished", async () => {
    await client.chat.completions.create(request);
    expect(await settled(fake.requests[0])).toBe("finished");
  });

  it("marks a stream the client aborted closed_early, and stops writing it", async () => {
    fake.setLatency({ chunkIntervalMs: 20 });
    fake.enqueue(replyText("word ".repeat(200)));
    const abort = new AbortController();
    const stream = await client.chat.completions.create(
      { ...request, stream: true },
      { signal: abort.signal },
    );
    let chunks = 0;
    // The SDK ends an aborted stream quietly or with an abort error, depending on where it was.
    await (async () => {
      for await (const _ of stream) if (++chunks === 3) abort.abort();
    })().catch(() => {});
    expect(chunks).toBe(3);
    expect(fake.requests[0]?.responseEnd).not.toBe("finished");
    expect(await settled(fake.requests[0])).toBe("closed_early");
  });

  it("marks a dropped connection closed_early", async () => {
    fake.enqueue(dropConnection({ afterChunks: 2 }));
    const stream = await client.chat.completions.create({ ...request, stream: true });
    await expect(
      (async () => {
        for await (const _ of stream);
      })(),
    ).rejects.toThrow();
    expect(await settled(fake.requests[0])).toBe("closed_early");
  });
});
