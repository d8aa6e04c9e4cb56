import { describe, expect, it } from "vitest";
import type { TextSegment } from "../extraction/types.js";
import { chunkText } from "./chunk-text.js";
import { DEFAULT_MAX_CHUNKS } from "./options.js";
import { expectChunkInvariants } from "./testing/chunk-invariants.js";
import { prose, seededRandom, topicSentence } from "./testing/sample-texts.js";
import { type ChunkingStrategy, type ChunkTextInput, chunkingStrategies } from "./types.js";

function run(input: ChunkTextInput) {
  const result = chunkText(input);
  expectChunkInvariants(input, result);
  return result;
}

const article = prose(seededRandom(7), 60);

describe("chunkText on realistic prose", () => {
  it.each(chunkingStrategies)("%s keeps exact offsets, sizes and coverage at the defaults", (strategy) => {
    const { chunks, truncated } = run({ text: article, segments: [], strategy });
    expect(truncated).toBe(false);
    expect(chunks.length).toBeGreaterThan(article.length / 1000);
    expect(chunks.every((c) => c.char_count <= 1000)).toBe(true);
  });

  it.each(["fixed", "sentence"] as const)(
    "%s overlaps consecutive chunks by about overlapSize",
    (strategy) => {
      const { chunks } = run({ text: article, segments: [], strategy, maxChunkSize: 600, overlapSize: 120 });
      const overlaps = chunks.slice(1).map((c, i) => (chunks[i]?.end_offset ?? 0) - c.start_offset);
      for (const overlap of overlaps) {
        expect(overlap).toBeGreaterThanOrEqual(strategy === "fixed" ? 100 : 60);
        expect(overlap).toBeLessThanOrEqual(120);
      }
    },
  );

  it("sentence chunks end on sentence ends and overlaps start on sentence or word starts", () => {
    const { chunks } = run({ text: article, segments: [], strategy: "sentence", maxChunkSize: 500 });
    for (const chunk of chunks) expect(chunk.content.endsWith(".")).toBe(true);
    for (const chunk of chunks.slice(1)) expect(article.charAt(chunk.start_offset - 1)).toMatch(/\s/);
  });

  it("paragraph chunks keep paragraphs whole when they fit", () => {
    const paragraphs = article.split("\n\n");
    const { chunks } = run({ text: article, segments: [], strategy: "paragraph", maxChunkSize: 1000 });
    const fitting = paragraphs.filter((p) => p.length <= 1000);
    expect(fitting.length).toBeGreaterThan(40);
    for (const paragraph of fitting) {
      expect(chunks.some((c) => c.content.includes(paragraph))).toBe(true);
    }
  });

  it("overlap gives way so that a paragraph that fits in a chunk is never split", () => {
    const random = seededRandom(17);
    const paragraphs = Array.from({ length: 12 }, () => {
      let paragraph = topicSentence(random, "rivers");
      while (paragraph.length < 850) paragraph += ` ${topicSentence(random, "rivers")}`;
      return paragraph.slice(0, paragraph.lastIndexOf(".", 990) + 1);
    });
    const text = paragraphs.join("\n\n");
    for (const strategy of ["paragraph", "markdown"] as const) {
      const { chunks } = run({ text, segments: [], strategy, maxChunkSize: 1000, overlapSize: 200 });
      for (const paragraph of paragraphs)
        expect(chunks.some((c) => c.content.includes(paragraph))).toBe(true);
    }
  });

  it("paragraph chunks split an oversized paragraph between sentences", () => {
    const long = prose(seededRandom(3), 1).repeat(1);
    const text = `Short intro.\n\n${long} ${long} ${long}`;
    const { chunks } = run({ text, segments: [], strategy: "paragraph", maxChunkSize: 200, overlapSize: 0 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.content).toMatch(/\.$/);
  });

  it("no overlap when overlapSize is 0: chunks tile the text", () => {
    for (const strategy of chunkingStrategies) {
      const { chunks } = run({ text: article, segments: [], strategy, overlapSize: 0, maxChunkSize: 400 });
      for (const [i, chunk] of chunks.slice(1).entries()) {
        expect(chunk.start_offset).toBeGreaterThanOrEqual(chunks[i]?.end_offset ?? 0);
      }
    }
  });
});

describe("sentence boundaries", () => {
  it("does not split after Dr., inside 3.14 or after e.g.", () => {
    const text = "Dr. Smith paid $3.14 e.g. for tea. Then he left. Mr. Jones stayed, i.e. He waited.";
    const { chunks } = run({ text, segments: [], strategy: "sentence", maxChunkSize: 40, overlapSize: 0 });
    expect(chunks.map((c) => c.content)).toEqual([
      "Dr. Smith paid $3.14 e.g. for tea.",
      "Then he left.",
      "Mr. Jones stayed, i.e. He waited.",
    ]);
  });

  it("does not split URLs", () => {
    const text = "See https://example.com/a.b/c.html?x=1.5 for more. It helps.";
    const { chunks } = run({ text, segments: [], strategy: "sentence", maxChunkSize: 52, overlapSize: 0 });
    expect(chunks[0]?.content).toBe("See https://example.com/a.b/c.html?x=1.5 for more.");
  });
});

describe("markdown strategy", () => {
  const guide = [
    "# Guide",
    "",
    "Welcome to the guide. It explains everything you need to know about the tool.",
    "",
    "## Install",
    "",
    "Run the installer first. It needs network access.",
    "",
    "```bash",
    "npm install tool",
    "",
    "npm run setup # the blank line above is part of the code",
    "```",
    "",
    "## Usage",
    "",
    prose(seededRandom(11), 6),
    "",
    "### Flags",
    "",
    "Use --fast for speed.",
    "",
    "### Env",
    "",
    "Set TOOL_HOME.",
    "",
    "# Appendix",
    "",
    "Nothing else.",
  ].join("\n");

  it("carries heading paths and never mixes big sections", () => {
    const { chunks } = run({
      text: guide,
      segments: [],
      strategy: "markdown",
      maxChunkSize: 300,
      overlapSize: 60,
    });
    const usage = guide.indexOf("## Usage");
    for (const chunk of chunks) {
      expect(chunk.metadata.heading_path?.[0]).toMatch(/Guide|Appendix/);
      // Usage is large: no chunk starts before it and runs into it.
      expect(chunk.start_offset < usage && chunk.end_offset > usage).toBe(false);
    }
    const usageChunks = chunks.filter(
      (c) => c.start_offset >= usage && c.end_offset < guide.indexOf("### Flags"),
    );
    expect(usageChunks.length).toBeGreaterThan(1);
    for (const chunk of usageChunks) expect(chunk.metadata.heading_path).toEqual(["Guide", "Usage"]);
  });

  it("keeps a fenced code block whole, blank lines included", () => {
    const fence = guide.slice(guide.indexOf("```bash"), guide.indexOf("```\n\n## Usage") + 3);
    const { chunks } = run({
      text: guide,
      segments: [],
      strategy: "markdown",
      maxChunkSize: 120,
      overlapSize: 30,
    });
    expect(chunks.some((c) => c.content.includes(fence))).toBe(true);
    for (const chunk of chunks) {
      const inside =
        chunk.start_offset > guide.indexOf("```bash") && chunk.start_offset < guide.indexOf("## Usage");
      const startsMidFence = inside && !chunk.content.startsWith("```");
      expect(startsMidFence).toBe(false);
    }
  });

  it("merges small sibling sections under their common parent", () => {
    const { chunks } = run({
      text: guide,
      segments: [],
      strategy: "markdown",
      maxChunkSize: 300,
      overlapSize: 0,
    });
    const flags = chunks.find((c) => c.content.includes("### Flags"));
    expect(flags?.content).toContain("### Env");
    expect(flags?.metadata.heading_path).toEqual(["Guide", "Usage"]);
    const appendix = chunks.find((c) => c.content.includes("# Appendix"));
    expect(appendix?.metadata.heading_path).toEqual(["Appendix"]);
    expect(appendix?.content).not.toContain("TOOL_HOME");
  });

  it("a heading with no text of its own leads its first subsection", () => {
    const text = `# Manual\n\n## Start\n\n${prose(seededRandom(5), 4)}`;
    const { chunks } = run({ text, segments: [], strategy: "markdown", maxChunkSize: 200, overlapSize: 40 });
    expect(chunks[0]?.content.startsWith("# Manual\n\n## Start")).toBe(true);
    expect(chunks[0]?.metadata.heading_path).toEqual(["Manual"]);
    expect(chunks[1]?.metadata.heading_path).toEqual(["Manual", "Start"]);
  });

  it("uses the segments' heading paths when the text has no Markdown headings (DOCX, HTML)", () => {
    const first = "Background text about the project. It is long enough to stand alone in a chunk.";
    const second = "Results text with the numbers. They are also long enough to be their own chunk.";
    const text = `${first}\n\n${second}`;
    const segments: TextSegment[] = [
      { start: 0, end: first.length, headingPath: ["Report", "Background"] },
      { start: first.length + 2, end: text.length, headingPath: ["Report", "Results"] },
    ];
    const { chunks } = run({ text, segments, strategy: "markdown", maxChunkSize: 200, overlapSize: 50 });
    expect(chunks.map((c) => [c.content, c.metadata.heading_path])).toEqual([
      [first, ["Report", "Background"]],
      [second, ["Report", "Results"]],
    ]);
  });
});

describe("semantic strategy", () => {
  it("cuts where the topic changes", () => {
    const random = seededRandom(21);
    const rivers = Array.from({ length: 6 }, () =>
      topicLine(random, "river water flood bank boat fish"),
    ).join(" ");
    const markets = Array.from({ length: 6 }, () =>
      topicLine(random, "market price stock trade bond yield"),
    ).join(" ");
    const text = `${rivers} ${markets}`;
    const { chunks } = run({
      text,
      segments: [],
      strategy: "semantic",
      maxChunkSize: text.length - 1,
      overlapSize: 0,
    });
    expect(chunks[0]?.content).toBe(rivers);
  });

  it("is deterministic", () => {
    const a = chunkText({ text: article, segments: [], strategy: "semantic" });
    const b = chunkText({ text: article, segments: [], strategy: "semantic" });
    expect(a).toEqual(b);
  });
});

function topicLine(random: () => number, words: string): string {
  const vocabulary = words.split(" ");
  const picked = Array.from({ length: 8 }, () => vocabulary[Math.floor(random() * vocabulary.length)]);
  return `The ${picked.join(" ")} again.`;
}

describe("segment metadata", () => {
  it("a chunk across a page break lists both pages", () => {
    const page1 = prose(seededRandom(1), 3);
    const page2 = prose(seededRandom(2), 3);
    const text = `${page1}\f${page2}`;
    const segments: TextSegment[] = [
      { start: 0, end: page1.length, page: 1 },
      { start: page1.length + 1, end: text.length, page: 2 },
    ];
    for (const strategy of ["fixed", "sentence", "semantic"] as const) {
      const { chunks } = run({ text, segments, strategy, maxChunkSize: 400, overlapSize: 100 });
      const spanning = chunks.filter((c) => c.start_offset < page1.length && c.end_offset > page1.length + 1);
      expect(spanning.length, strategy).toBeGreaterThan(0);
      for (const chunk of spanning) expect(chunk.metadata).toMatchObject({ page: 1, pages: [1, 2] });
      for (const chunk of chunks.filter((c) => c.end_offset <= page1.length)) {
        expect(chunk.metadata.page).toBe(1);
        expect(chunk.metadata.pages).toBeUndefined();
      }
      expect(chunks.at(-1)?.metadata.page).toBe(2);
    }
  });

  it("reports slides, sheets, row ranges, OCR and the common heading path", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `row ${i + 1}: widget ${i} costs ${i * 3} dollars`);
    const text = rows.join("\n");
    let offset = 0;
    const segments: TextSegment[] = rows.map((row, i) => {
      const segment = {
        start: offset,
        end: offset + row.length,
        sheet: i < 20 ? "Q1" : "Q2",
        row: (i % 20) + 2,
        slide: 1,
        headingPath: ["Book", i < 20 ? "Q1" : "Q2"],
        ocr: i === 3,
      };
      offset += row.length + 1;
      return segment;
    });
    const { chunks } = run({ text, segments, strategy: "fixed", maxChunkSize: 300, overlapSize: 0 });
    const firstEnd = chunks[0]?.end_offset ?? 0;
    const lastRowInFirst = segments.filter((s) => s.start < firstEnd).at(-1)?.row;
    expect(chunks[0]?.metadata).toMatchObject({
      sheet: "Q1",
      rows: [2, lastRowInFirst],
      slide: 1,
      ocr: true,
      heading_path: ["Book", "Q1"],
    });
    const across = chunks.find((c) => c.metadata.sheets !== undefined);
    expect(across?.metadata.sheets).toEqual(["Q1", "Q2"]);
    expect(across?.metadata.heading_path).toEqual(["Book"]);
    expect(chunks[1]?.metadata.ocr).toBeUndefined();
  });
});

describe("limits", () => {
  it("returns the first maxChunks chunks and truncated: true when there are more", () => {
    const all = run({ text: article, segments: [], strategy: "sentence", maxChunkSize: 300 });
    const capped = run({
      text: article,
      segments: [],
      strategy: "sentence",
      maxChunkSize: 300,
      maxChunks: 3,
    });
    expect(capped.truncated).toBe(true);
    expect(capped.chunks).toEqual(all.chunks.slice(0, 3));
    const exact = run({
      text: article,
      segments: [],
      strategy: "sentence",
      maxChunkSize: 300,
      maxChunks: all.chunks.length,
    });
    expect(exact.truncated).toBe(false);
    expect(exact.chunks).toHaveLength(all.chunks.length);
  });

  it("caps at the spec's default max_chunks_per_file", () => {
    const text = "word ".repeat(60_000);
    const { chunks, truncated } = chunkText({
      text,
      segments: [],
      strategy: "fixed",
      maxChunkSize: 100,
      overlapSize: 0,
    });
    expect(chunks).toHaveLength(DEFAULT_MAX_CHUNKS);
    expect(truncated).toBe(true);
  });

  it("empty and whitespace-only text gives no chunks", () => {
    for (const strategy of chunkingStrategies) {
      for (const text of ["", " ", "\n\n\t  \r\n", "\u00a0\u3000"]) {
        expect(chunkText({ text, segments: [], strategy })).toEqual({ chunks: [], truncated: false });
      }
    }
  });

  it("rejects sizes it cannot honour", () => {
    const base = { text: "x", segments: [], strategy: "fixed" as ChunkingStrategy };
    expect(() => chunkText({ ...base, maxChunkSize: 100, overlapSize: 100 })).toThrow(RangeError);
    expect(() => chunkText({ ...base, maxChunkSize: 10_001 })).toThrow(RangeError);
    expect(() => chunkText({ ...base, maxChunkSize: 1 })).toThrow(RangeError);
    expect(() => chunkText({ ...base, overlapSize: -1 })).toThrow(RangeError);
    expect(() => chunkText({ ...base, maxChunks: 0 })).toThrow(RangeError);
    expect(() => chunkText({ ...base, maxChunkSize: 50.5 })).toThrow(RangeError);
  });

  it("defaults the overlap to a fifth of a small maxChunkSize", () => {
    const { chunks } = run({ text: article, segments: [], strategy: "fixed", maxChunkSize: 100 });
    expect(chunks.length).toBeGreaterThan(1);
  });

  it("counts tokens with the real tokenizer", () => {
    const { chunks } = run({ text: "Hello world! Tokenizers split text.", segments: [], strategy: "fixed" });
    // "Hello", " world", "!", " Token", "izers", " split", " text", "." under o200k_base.
    expect(chunks[0]?.token_count).toBe(8);
  });
});

describe("unicode", () => {
  const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
  const isGraphemeBoundary = (text: string, offset: number): boolean => {
    if (offset === 0 || offset === text.length) return true;
    const segment = graphemes.segment(text).containing(offset);
    return segment?.index === offset;
  };

  it.each(chunkingStrategies)("%s keeps emoji sequences and CJK characters whole", (strategy) => {
    const text = [
      "東京は日本の首都です。人口は約千四百万人で、多くの企業が本社を置いています。".repeat(6),
      "👨‍👩‍👧‍👦🇫🇷👍🏽é".repeat(12),
      "Family 👨‍👩‍👧‍👦 trip to Paris 🇫🇷 was great 👍🏽. Café déjà vu.".repeat(5),
    ].join("\n\n");
    const { chunks } = run({ text, segments: [], strategy, maxChunkSize: 50, overlapSize: 10 });
    for (const chunk of chunks) {
      expect(isGraphemeBoundary(text, chunk.start_offset), `start ${chunk.start_offset}`).toBe(true);
      expect(isGraphemeBoundary(text, chunk.end_offset), `end ${chunk.end_offset}`).toBe(true);
    }
  });

  it("cuts CJK at sentence ends under the sentence strategy", () => {
    const text = "東京は日本の首都です。人口は約千四百万人です。多くの企業が本社を置いています。";
    const { chunks } = run({ text, segments: [], strategy: "sentence", maxChunkSize: 25, overlapSize: 0 });
    expect(chunks.map((c) => c.content)).toEqual([
      "東京は日本の首都です。人口は約千四百万人です。",
      "多くの企業が本社を置いています。",
    ]);
  });
});
