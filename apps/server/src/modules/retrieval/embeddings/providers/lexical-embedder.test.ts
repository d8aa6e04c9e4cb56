import { describe, expect, it } from "vitest";
import {
  createLexicalEmbedder,
  createLexicalProvider,
  lexicalModelName,
  parseLexicalModelName,
} from "./lexical-embedder.js";

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}

describe("the built-in lexical embedder", () => {
  const embedder = createLexicalEmbedder();

  it("is a 384-dimension fallback model named lexical-hash-v1", () => {
    expect(embedder.model).toEqual({
      name: "lexical-hash-v1",
      provider: "lexical",
      dimensions: 384,
      fallback: true,
    });
    expect(createLexicalEmbedder(256).model.name).toBe("lexical-hash-v1-256");
  });

  it("gives L2-normalised vectors of its dimensions", () => {
    for (const vector of embedder.embed(["Quarterly revenue grew by 12%", "x", "!!!", "東京の天気"])) {
      expect(vector).toHaveLength(384);
      expect(Math.sqrt(cosine(vector, vector))).toBeCloseTo(1, 5);
    }
  });

  it("gives identical texts cosine 1 and is deterministic across embedders and runs", () => {
    const text = "The invoice is due at the end of the month.";
    const [a, b] = embedder.embed([text, text]);
    expect(cosine(a ?? [], b ?? [])).toBeCloseTo(1, 6);
    expect(createLexicalEmbedder().embed([text])[0]).toEqual(a);
    // Pinned values: the hashing and weights must not drift between releases (datasets depend on them).
    const nonZero = (a ?? []).flatMap((value, index) => (value === 0 ? [] : [[index, value]]));
    expect(nonZero).toHaveLength(47);
    expect(nonZero.slice(0, 4)).toEqual([
      [5, 0.0790310725569725],
      [19, -0.14225593209266663],
      [24, -0.0790310725569725],
      [25, 0.0790310725569725],
    ]);
  });

  it("puts a paraphrase that shares words closer than an unrelated text", () => {
    const [query, paraphrase, unrelated] = embedder.embed([
      "How do I reset my account password?",
      "Steps to reset the password of your account",
      "Quarterly revenue grew in the European market",
    ]);
    const close = cosine(query ?? [], paraphrase ?? []);
    const far = cosine(query ?? [], unrelated ?? []);
    expect(close).toBeGreaterThan(far + 0.2);
    expect(close).toBeGreaterThan(0.3);
  });

  it("matches inflections, case and accents through character trigrams and folding", () => {
    const [a, b, c] = embedder.embed([
      "Café pricing policies",
      "cafe PRICING policy",
      "weather forecast tomorrow",
    ]);
    expect(cosine(a ?? [], b ?? [])).toBeGreaterThan(cosine(a ?? [], c ?? []) + 0.3);
  });

  it("refuses dimensions outside 8..10000", () => {
    expect(() => createLexicalEmbedder(4)).toThrow(RangeError);
    expect(() => createLexicalEmbedder(10_001)).toThrow(RangeError);
  });

  it("parses its model names", () => {
    expect(parseLexicalModelName("lexical-hash-v1")).toBe(384);
    expect(parseLexicalModelName("lexical-hash-v1-256")).toBe(256);
    expect(parseLexicalModelName(lexicalModelName(1536))).toBe(1536);
    expect(parseLexicalModelName("lexical-hash-v1-4")).toBeUndefined();
    expect(parseLexicalModelName("lexical-hash-v2")).toBeUndefined();
    expect(parseLexicalModelName("text-embedding-3-small")).toBeUndefined();
  });

  it("as a provider, embeds large batches in order", async () => {
    const provider = createLexicalProvider();
    const texts = Array.from({ length: 150 }, (_, index) => `document number ${index}`);
    const vectors = await provider.embedBatch(texts);
    expect(vectors).toHaveLength(150);
    expect(vectors[149]).toEqual(embedder.embed(["document number 149"])[0]);
  });
});
