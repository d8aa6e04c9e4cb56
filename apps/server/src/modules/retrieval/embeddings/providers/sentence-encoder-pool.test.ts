import { describe, expect, it } from "vitest";
import { AppError } from "../../../../platform/errors/index.js";
import { createLogger } from "../../../../platform/telemetry/logger.js";
import { createSentenceEncoderProvider } from "./sentence-encoder-provider.js";
import type { EncoderThread } from "./sentence-encoder-thread.js";

const logger = createLogger("silent");

/** A thread of our own: answers each text with [its length, its number], and can die. */
function scriptedThread(number: number) {
  let failed = false;
  const thread: EncoderThread & { die(): void } = {
    dimensions: 2,
    busy: 0,
    get failed() {
      return failed;
    },
    embed: (texts) =>
      failed
        ? Promise.reject(new AppError("EMBEDDING_FAILED", "the model's worker stopped"))
        : Promise.resolve(texts.map((text) => [text.length, number])),
    close: () => Promise.resolve(),
    die() {
      failed = true;
    },
  };
  return thread;
}

describe("the sentence encoder's threads", () => {
  it("replaces a thread whose worker died, once, and goes on with the new one", async () => {
    const started: ReturnType<typeof scriptedThread>[] = [];
    const startThread = async () => {
      const thread = scriptedThread(started.length + 1);
      started.push(thread);
      return thread;
    };
    const provider = await createSentenceEncoderProvider({ dimensions: undefined, logger, startThread });
    expect(await provider.embedBatch(["abc"])).toEqual([[3, 1]]);

    started[0]?.die();
    const [first, second] = await Promise.all([provider.embedBatch(["hello"]), provider.embedBatch(["hi"])]);
    expect(first).toEqual([[5, 2]]);
    expect(second).toEqual([[2, 2]]);
    expect(started).toHaveLength(2);
  });

  it("keeps the order of a batch spread over several threads", async () => {
    let next = 0;
    const provider = await createSentenceEncoderProvider({
      dimensions: undefined,
      threads: 3,
      logger,
      startThread: async () => scriptedThread(++next),
    });
    const texts = Array.from({ length: 23 }, (_, i) => "x".repeat(i + 1));
    const vectors = await provider.embedBatch(texts);
    expect(vectors.map((vector) => vector[0])).toEqual(texts.map((text) => text.length));
  });
});
