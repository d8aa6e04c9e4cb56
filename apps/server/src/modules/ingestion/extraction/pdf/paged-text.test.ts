import { describe, expect, it } from "vitest";
import { describePages } from "./page-list.js";
import { PagedTextBuilder, tidyPageText } from "./paged-text.js";

describe("PagedTextBuilder", () => {
  it("joins pages with a blank line and records one segment per non-empty page", () => {
    const builder = new PagedTextBuilder(1000);
    builder.add({ page: 1, text: "one  \n", ocr: false });
    builder.add({ page: 2, text: "   ", ocr: false });
    builder.add({ page: 3, text: "three", ocr: true });
    const result = builder.result();
    expect(result.text).toBe("one\n\nthree");
    expect(result.segments).toEqual([
      { start: 0, end: 3, page: 1 },
      { start: 5, end: 10, page: 3, ocr: true },
    ]);
    expect(result.ocrPages).toEqual([3]);
    expect(result.truncated).toBe(false);
  });

  it("cuts at the limit and stops accepting", () => {
    const builder = new PagedTextBuilder(8);
    builder.add({ page: 1, text: "abc", ocr: false });
    builder.add({ page: 2, text: "defghijk", ocr: false });
    expect(builder.accepting).toBe(false);
    const result = builder.result();
    expect(result.text).toBe("abc\n\ndef");
    expect(result.segments.at(-1)).toEqual({ start: 5, end: 8, page: 2 });
    expect(result.truncated).toBe(true);
  });

  it("counts a page-less OCR image as page 1", () => {
    const builder = new PagedTextBuilder(100);
    builder.add({ text: "scanned", ocr: true });
    expect(builder.result().ocrPages).toEqual([1]);
    expect(builder.result().segments).toEqual([{ start: 0, end: 7, ocr: true }]);
  });
});

describe("tidyPageText", () => {
  it("drops control characters and extra blank lines", () => {
    expect(tidyPageText("\n a\u0000b \r\n\n\n\nc\t\n")).toBe("ab\n\nc");
  });
});

describe("describePages", () => {
  it("collapses runs of pages into ranges", () => {
    expect(describePages([1, 2, 3, 7, 9, 10])).toBe("1–3, 7, 9–10");
  });
});
