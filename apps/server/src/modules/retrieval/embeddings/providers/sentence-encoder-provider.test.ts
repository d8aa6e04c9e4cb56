import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../../../platform/errors/index.js";
import { createLogger } from "../../../../platform/telemetry/logger.js";
import type { EmbeddingProvider } from "../embedding-provider.js";
import { createSentenceEncoderProvider, sentenceEncoderModel } from "./sentence-encoder-provider.js";

const logger = createLogger("silent");

function cosine(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

describe("the bundled sentence encoder", () => {
  let provider: EmbeddingProvider;
  beforeAll(async () => {
    provider = await createSentenceEncoderProvider({ dimensions: undefined, logger });
  });
  afterAll(async () => {
    await provider.close();
  });

  it("describes itself as a real model of 512 dimensions", () => {
    expect(provider.model).toEqual({
      name: sentenceEncoderModel,
      provider: "sentence_encoder",
      dimensions: 512,
      fallback: false,
    });
  });

  it("embeds every text, in order, as unit vectors, the same way every time", async () => {
    const texts = [
      "The ferry leaves at noon.",
      "",
      "Tenants pay a deposit.\nIt is refunded after a year.",
      "x",
    ];
    const first = await provider.embedBatch(texts);
    expect(first).toHaveLength(texts.length);
    for (const vector of first) {
      expect(vector).toHaveLength(512);
      expect(Math.abs(cosine(vector, vector) - 1)).toBeLessThan(1e-3);
    }
    expect(await provider.embedBatch(texts)).toEqual(first);
  });

  it("places a paraphrase near its passage, with no word in common, unlike the lexical embedder", async () => {
    const [question, answer, unrelated] = await provider.embedBatch([
      "I rent my flat: must I pay money up front to open a water account?",
      "Tenants who open an account in their own name pay a security deposit of $75.",
      "The crossing to the island takes about 55 minutes in calm weather.",
    ]);
    expect(question && answer && unrelated).toBeTruthy();
    if (!question || !answer || !unrelated) return;
    expect(cosine(question, answer)).toBeGreaterThan(cosine(question, unrelated) + 0.1);
  });

  it("stops the start when EMBEDDING_DIMENSIONS disagrees with the model", async () => {
    const error = await createSentenceEncoderProvider({ dimensions: 384, logger }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("EMBEDDING_FAILED");
    expect((error as AppError).message).toContain(
      "EMBEDDING_DIMENSIONS is 384 but universal-sentence-encoder-lite produces 512",
    );
  });

  it("fails a cancelled request with EMBEDDING_FAILED, and keeps working after it", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await provider.embedBatch(["a passage"], controller.signal).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect((error as AppError).code).toBe("EMBEDDING_FAILED");
    expect(await provider.embedBatch(["a passage"])).toHaveLength(1);
  });

  it("spreads a batch over several threads and returns the vectors in order", async () => {
    const pooled = await createSentenceEncoderProvider({ dimensions: undefined, threads: 2, logger });
    try {
      const texts = Array.from(
        { length: 11 },
        (_, i) => `Passage number ${i} is about ${i % 2 ? "ferries" : "tenants"}.`,
      );
      const [many, alone] = await Promise.all([pooled.embedBatch(texts), provider.embedBatch(texts)]);
      expect(many).toHaveLength(texts.length);
      for (const [i, vector] of many.entries()) {
        expect(cosine(vector, alone[i] ?? [])).toBeGreaterThan(0.999);
      }
    } finally {
      await pooled.close();
    }
  });
});
