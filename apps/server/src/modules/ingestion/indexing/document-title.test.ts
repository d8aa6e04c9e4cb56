import { describe, expect, it } from "vitest";
import { documentTitleOf } from "./document-title.js";

const chunks = [
  { index: 1, content: "Second chunk.\n\nMore." },
  { index: 0, content: "# Field notes\n\nThe glacier advances two metres per day." },
];

describe("documentTitleOf", () => {
  it("reads the title from the first chunk, wherever it sits in the list", () => {
    expect(documentTitleOf(chunks, null)).toBe("Field notes");
    expect(documentTitleOf(chunks.slice(0, 1), null)).toBeNull();
  });

  it("gives a table none: its first paragraph is a header row", () => {
    const table = [{ index: 0, content: "name, price, stock\n\nwidget, 4.50, 12" }];
    expect(documentTitleOf(table, { sheets: [] })).toBeNull();
  });
});
