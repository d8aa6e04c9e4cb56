import { describe, expect, it } from "vitest";
import { isIsoDate } from "./iso-date.js";
import { isoDateCandidates } from "./iso-date-cases.js";

describe("isoDatePattern", () => {
  it.each(isoDateCandidates)("%s is a date: %s", (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});
