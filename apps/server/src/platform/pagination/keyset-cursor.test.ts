import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.js";
import { decodeCursor, encodeCursor, toPage, uuidKey } from "./keyset-cursor.js";

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("keyset cursors", () => {
  it("round-trips a composite key", () => {
    const cursor = encodeCursor([3, "space_1"]);
    expect(decodeCursor(cursor, ["number", "string"])).toEqual([3, "space_1"]);
    expect(decodeCursor(undefined, ["string"])).toBeNull();
  });

  it("refuses cursors it did not issue with a 400, including keys of the wrong shape", () => {
    const uuid = "0190f3a2-1111-7abc-8def-0123456789ab";
    expect(decodeCursor(forge([uuid]), [uuidKey])).toEqual([uuid]);
    for (const cursor of [
      "%%%",
      forge("x"),
      forge(["x", 1]),
      forge([1]),
      forge(["not-a-uuid"]),
      forge([Number.NaN]),
    ]) {
      expect(() => decodeCursor(cursor, [uuidKey]), cursor).toThrow(AppError);
    }
  });

  it("pages rows fetched with limit + 1", () => {
    const page = toPage(
      [{ id: "a" }, { id: "b" }, { id: "c" }],
      2,
      (row) => [row.id],
      (row) => row.id,
    );
    expect(page).toEqual({ data: ["a", "b"], next_cursor: encodeCursor(["b"]), has_more: true });
    expect(
      toPage(
        [{ id: "a" }],
        2,
        (row) => [row.id],
        (row) => row.id,
      ).has_more,
    ).toBe(false);
  });
});
