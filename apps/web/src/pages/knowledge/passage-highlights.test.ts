import { describe, expect, it } from "vitest";
import { chunkForRange, findPiiSpans, parseRange, rangeInChunk, splitText } from "./passage-highlights";

describe("parseRange", () => {
  it("reads start-end and refuses anything else", () => {
    expect(parseRange("10-25")).toEqual({ start: 10, end: 25 });
    expect(parseRange("25-10")).toBeNull();
    expect(parseRange("5-5")).toBeNull();
    expect(parseRange("a-b")).toBeNull();
    expect(parseRange(undefined)).toBeNull();
  });
});

describe("chunkForRange", () => {
  const chunks = [
    { id: "c0", start_offset: 0, end_offset: 100 },
    { id: "c1", start_offset: 80, end_offset: 180 },
  ];
  it("prefers the chunk the link names when the range overlaps it", () => {
    expect(chunkForRange(chunks, { start: 85, end: 95 }, "c1")?.id).toBe("c1");
    expect(chunkForRange(chunks, { start: 85, end: 95 })?.id).toBe("c0");
    expect(chunkForRange(chunks, { start: 10, end: 20 }, "c1")?.id).toBe("c0");
    expect(chunkForRange(chunks, { start: 500, end: 520 })).toBeUndefined();
  });
  it("clips the range to the chunk's content", () => {
    expect(rangeInChunk({ id: "c1", start_offset: 80, end_offset: 180 }, { start: 70, end: 90 })).toEqual({
      start: 0,
      end: 10,
    });
  });
});

describe("findPiiSpans", () => {
  it("finds redaction tags always and shaped values only for the counted types", () => {
    const text = "Mail ann@example.com or call 555-123-4567; card [REDACTED:CREDIT_CARD].";
    const spans = findPiiSpans(text, ["EMAIL_ADDRESS"]);
    expect(spans.map((span) => [text.slice(span.start, span.end), span.type, span.redacted])).toEqual([
      ["ann@example.com", "EMAIL_ADDRESS", false],
      ["[REDACTED:CREDIT_CARD]", "CREDIT_CARD", true],
    ]);
    expect(findPiiSpans(text, ["EMAIL_ADDRESS", "PHONE_NUMBER"]).map((span) => span.type)).toContain(
      "PHONE_NUMBER",
    );
  });
});

describe("splitText", () => {
  it("cuts at PII and highlight edges, keeping the highlighted pieces together", () => {
    const text = "write to ann@example.com today";
    const pieces = splitText(text, findPiiSpans(text, ["EMAIL_ADDRESS"]), { start: 6, end: 15 });
    expect(pieces.map((piece) => [piece.text, piece.highlighted, piece.pii?.type ?? null])).toEqual([
      ["write ", false, null],
      ["to ", true, null],
      ["ann@ex", true, "EMAIL_ADDRESS"],
      ["ample.com", false, "EMAIL_ADDRESS"],
      [" today", false, null],
    ]);
    expect(pieces.map((piece) => piece.text).join("")).toBe(text);
  });
});
