import { describe, expect, it } from "vitest";
import { chunkText } from "./chunk-text.js";
import { expectChunkInvariants } from "./testing/chunk-invariants.js";
import { prose, seededRandom } from "./testing/sample-texts.js";
import { chunkingStrategies } from "./types.js";

const article = prose(seededRandom(11), 40);

describe("chunkText on text far longer than the chunk cap reaches", () => {
  it.each(chunkingStrategies)("%s keeps the same first chunks, marked truncated", (strategy) => {
    const limits = { maxChunkSize: 400, overlapSize: 80, maxChunks: 5 };
    const short = { text: article, segments: [], strategy, ...limits };
    const long = { ...short, text: `${article}\n\n${prose(seededRandom(12), 400)}` };
    const expected = chunkText(short);
    const result = chunkText(long);
    expectChunkInvariants(long, result);
    expect(expected.truncated).toBe(true);
    expect(result).toEqual(expected);
  });

  it("reports text beyond its reach even when the kept chunks fill the cap exactly", () => {
    const text = `${"x".repeat(30)}${" ".repeat(5)}tail`;
    const result = chunkText({
      text,
      segments: [],
      strategy: "fixed",
      maxChunkSize: 10,
      overlapSize: 0,
      maxChunks: 2,
    });
    expect(result.chunks.map((chunk) => chunk.content)).toEqual(["x".repeat(10), "x".repeat(10)]);
    expect(result.truncated).toBe(true);
  });
});
