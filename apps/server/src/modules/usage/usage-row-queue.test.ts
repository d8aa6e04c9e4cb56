import { describe, expect, it } from "vitest";
import type { EncodedUsageRow } from "./encode-usage-row.js";
import { UsageRowQueue } from "./usage-row-queue.js";

const row = (text: string) => text as EncodedUsageRow;

describe("UsageRowQueue", () => {
  it("gives rows back in order, unchanged, until they are shifted out", () => {
    const queue = new UsageRowQueue();
    const rows = ['["a",1]', '["é ✓ 😀",null]', "[]"].map(row);
    for (const each of rows) queue.push(each);
    expect(queue.length).toBe(3);
    expect(queue.peek(2)).toEqual(rows.slice(0, 2));
    expect(queue.peek(10)).toEqual(rows);
    queue.shift(1);
    expect(queue.length).toBe(2);
    expect(queue.peek(10)).toEqual(rows.slice(1));
    expect(queue.takeAll()).toEqual(rows.slice(1));
    expect(queue.length).toBe(0);
    expect(queue.peek(5)).toEqual([]);
  });

  it("spans many chunks, grows its ring, and keeps order across wrap-arounds", () => {
    const queue = new UsageRowQueue(1024);
    const expected: string[] = [];
    let next = 0;
    const add = (count: number) => {
      for (let index = 0; index < count; index++) {
        // Rows of varying length, some with multi-byte characters, a few longer than a chunk.
        const text = `["${next}",${"x".repeat(next % 97)}${next % 13 === 0 ? "ü€" : ""}${next % 500 === 7 ? "y".repeat(3000) : ""}]`;
        queue.push(row(text));
        expected.push(text);
        next += 1;
      }
    };
    add(1500);
    expect(queue.peek(1500)).toEqual(expected);
    for (let round = 0; round < 20; round++) {
      queue.shift(700);
      expected.splice(0, 700);
      add(650 + round * 7);
      expect(queue.length).toBe(expected.length);
      expect(queue.peek(expected.length)).toEqual(expected);
    }
    expect(queue.takeAll()).toEqual(expected);
    add(3);
    expect(queue.takeAll()).toEqual(expected.slice(-3));
  });

  it("refuses a chunk size too small to be useful", () => {
    expect(() => new UsageRowQueue(10)).toThrow(RangeError);
  });
});
