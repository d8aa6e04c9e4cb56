import { describe, expect, it } from "vitest";
import { matchedValues } from "./recognizer-test-helpers.js";
import { isPlausibleSsn, usSsnRecognizer } from "./us-ssn.js";

describe("US SSN recognizer", () => {
  it("finds the dashed form without context, more confidently with it", () => {
    const [bare] = usSsnRecognizer.find("ref 536-22-8192");
    const [withContext] = usSsnRecognizer.find("SSN: 536-22-8192");
    expect(bare?.confidence).toBe(0.85);
    expect(withContext?.confidence).toBe(0.95);
  });

  it("needs a context word for 9 bare digits or the spaced form", () => {
    expect(matchedValues(usSsnRecognizer, "order id 536228192")).toEqual([]);
    expect(matchedValues(usSsnRecognizer, "my social security number is 536228192")).toEqual(["536228192"]);
    expect(matchedValues(usSsnRecognizer, "ssn 536 22 8192")).toEqual(["536 22 8192"]);
  });

  it("rejects 000, 666 and 9xx areas, 00 groups and 0000 serials", () => {
    for (const value of ["000-12-3456", "666-12-3456", "912-12-3456", "536-00-8192", "536-22-0000"]) {
      expect(matchedValues(usSsnRecognizer, `SSN ${value}`)).toEqual([]);
    }
    expect(isPlausibleSsn("536", "22", "8192")).toBe(true);
  });

  it("rejects mixed separators and longer digit runs", () => {
    expect(matchedValues(usSsnRecognizer, "SSN 536-22 8192")).toEqual([]);
    expect(matchedValues(usSsnRecognizer, "SSN 536-22-81921")).toEqual([]);
    expect(matchedValues(usSsnRecognizer, "tel 1-536-22-8192")).toEqual([]);
  });
});
