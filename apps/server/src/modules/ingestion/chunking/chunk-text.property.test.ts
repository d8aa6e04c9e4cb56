import { describe, expect, it } from "vitest";
import type { TextSegment } from "../extraction/types.js";
import { chunkText } from "./chunk-text.js";
import { chunkInvariantViolations } from "./testing/invariant-violations.js";
import { pick, seededRandom } from "./testing/sample-texts.js";
import { type ChunkTextInput, chunkingStrategies } from "./types.js";

/** Pieces random texts are built from: everything that has tripped chunkers before. */
const pieces: ReadonlyArray<(random: () => number) => string> = [
  (r) => pick(r, ["alpha", "beta", "gamma", "delta", "river", "bank", "x", "Dr.", "e.g.", "3.14", "U.S."]),
  () => " ",
  () => " ",
  () => " ",
  () => ". ",
  () => "? ",
  () => "\n",
  () => "\n\n",
  () => "\r\n",
  () => "\t",
  () => "\f",
  () => "\u00a0",
  () => "👨‍👩‍👧‍👦",
  () => "🇫🇷",
  () => "👍🏽",
  () => "e\u0301",
  () => "東京は日本の首都です。",
  () => "한국어 문장입니다. ",
  () => "https://example.com/a/b.c?d=e&f=g",
  (r) => "z".repeat(Math.floor(r() * 300)),
  (r) => `\n${"#".repeat(1 + Math.floor(r() * 3))} Heading ${Math.floor(r() * 5)}\n`,
  () => "\n```\ncode line\n\nmore code\n```\n",
  () => "\nTitle\n=====\n",
];

function randomText(random: () => number): string {
  const length = Math.floor(random() * 120);
  let text = "";
  for (let i = 0; i < length; i++) text += pick(random, pieces)(random);
  return text;
}

/** Random page segments tiling the text, with gaps now and then. */
function randomPages(random: () => number, text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let start = 0;
  let page = 1;
  while (start < text.length) {
    const end = Math.min(text.length, start + 1 + Math.floor(random() * 400));
    segments.push({ start, end, page, headingPath: ["Doc", `Part ${page % 3}`] });
    start = end + (random() < 0.3 ? 1 : 0);
    page++;
  }
  return segments;
}

describe("chunkText properties over random texts and sizes", () => {
  it.each(chunkingStrategies)("%s keeps every invariant", (strategy) => {
    const random = seededRandom(strategy.length * 7919 + strategy.charCodeAt(0));
    for (let run = 0; run < 100; run++) {
      const text = randomText(random);
      const maxChunkSize = 2 + Math.floor(random() * (random() < 0.5 ? 60 : 600));
      const overlapSize = Math.floor(random() * maxChunkSize);
      const maxChunks = random() < 0.2 ? 1 + Math.floor(random() * 5) : 100_000;
      const segments = randomPages(random, text);
      const input: ChunkTextInput = { text, segments, strategy, maxChunkSize, overlapSize, maxChunks };
      let violations: string[];
      try {
        const result = chunkText(input);
        violations = chunkInvariantViolations(input, result);
        for (const chunk of result.chunks) {
          const pages = segments
            .filter((s) => s.start < chunk.end_offset && s.end > chunk.start_offset)
            .map((s) => s.page);
          const expected = { page: pages[0], pages: pages.length > 1 ? pages : undefined };
          const actual = { page: chunk.metadata.page, pages: chunk.metadata.pages };
          if (JSON.stringify(actual) !== JSON.stringify(expected))
            violations.push(`chunk ${chunk.index} pages`);
        }
      } catch (error) {
        violations = [String(error)];
      }
      // The failing case, reproducible from the message.
      expect(violations, JSON.stringify({ run, maxChunkSize, overlapSize, maxChunks, text })).toEqual([]);
    }
  });
});
