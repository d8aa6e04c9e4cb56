import { describe, expect, it } from "vitest";
import { SegmentIndex } from "./segment-metadata.js";

describe("SegmentIndex", () => {
  it("finds every segment a range touches, even when segments arrive out of order", () => {
    const index = new SegmentIndex([
      { start: 20, end: 30, page: 3 },
      { start: 0, end: 10, page: 1 },
      { start: 10, end: 10, page: 9 },
      { start: 10, end: 20, page: 2, ocr: true },
    ]);
    expect(index.factsFor(5, 25)).toEqual({ page: 1, pages: [1, 2, 3], ocr: true });
    expect(index.factsFor(0, 10)).toEqual({ page: 1 });
    expect(index.factsFor(30, 40)).toEqual({});
  });

  it("keeps the common heading path and the first and last row", () => {
    const index = new SegmentIndex([
      { start: 0, end: 5, row: 2, sheet: "A", headingPath: ["X", "Y"] },
      { start: 5, end: 9, row: 3, sheet: "A", headingPath: ["X", "Z"] },
      { start: 9, end: 12, row: 2, sheet: "B" },
    ]);
    expect(index.factsFor(0, 12)).toEqual({
      sheet: "A",
      sheets: ["A", "B"],
      rows: [2, 2],
      heading_path: ["X"],
    });
    expect(index.factsFor(0, 4)).toEqual({ sheet: "A", rows: [2, 2], heading_path: ["X", "Y"] });
  });
});
