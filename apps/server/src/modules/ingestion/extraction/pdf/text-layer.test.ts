import { describe, expect, it } from "vitest";
import { countNonSpace, type PositionedText, textFromItems } from "./text-layer.js";

function item(
  str: string,
  x: number,
  y: number,
  options: { width?: number; size?: number; eol?: boolean } = {},
): PositionedText {
  const size = options.size ?? 12;
  return {
    str,
    transform: [size, 0, 0, size, x, y],
    width: options.width ?? str.length * size * 0.5,
    height: size,
    hasEOL: options.eol ?? false,
  };
}

describe("textFromItems", () => {
  it("breaks lines on hasEOL and on a change of baseline", () => {
    expect(
      textFromItems([item("First", 50, 700, { eol: true }), item("Second", 50, 682), item("Third", 50, 664)]),
    ).toBe("First\nSecond\nThird");
  });

  it("puts a space between words drawn as separate items with a gap, not inside a word", () => {
    const text = textFromItems([
      item("Hel", 50, 700, { width: 18 }),
      item("lo", 68, 700, { width: 12 }),
      item("world", 90, 700, { width: 30 }),
    ]);
    expect(text).toBe("Hello world");
  });

  it("marks a large vertical gap as a paragraph break", () => {
    expect(textFromItems([item("Heading", 50, 700), item("Body text", 50, 640)])).toBe(
      "Heading\n\nBody text",
    );
  });

  it("ignores empty items other than their line breaks", () => {
    expect(
      textFromItems([item("A line", 50, 700), item("", 0, 0, { eol: true }), item("Next", 50, 686)]),
    ).toBe("A line\nNext");
  });
});

describe("countNonSpace", () => {
  it("counts characters that are not whitespace", () => {
    expect(countNonSpace(" a b\n\tc ")).toBe(3);
  });
});
