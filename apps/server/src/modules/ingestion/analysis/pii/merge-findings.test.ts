import { describe, expect, it } from "vitest";
import { mergeFindings } from "./merge-findings.js";
import type { PiiEntityType, PiiFinding } from "./types.js";

function finding(type: PiiEntityType, start: number, end: number, confidence: number): PiiFinding {
  return { type, start, end, confidence, recognizer: type.toLowerCase() };
}

describe("mergeFindings", () => {
  it("keeps the most confident of overlapping findings, sorted by start", () => {
    const merged = mergeFindings([
      finding("PHONE_NUMBER", 10, 24, 0.75),
      finding("CREDIT_CARD", 8, 27, 0.9),
      finding("EMAIL_ADDRESS", 0, 5, 0.95),
    ]);
    expect(merged.map((f) => f.type)).toEqual(["EMAIL_ADDRESS", "CREDIT_CARD"]);
  });

  it("resolves chains: a loser no longer blocks its other neighbour", () => {
    // B beats A and C? No: C is best, it removes B, and A (which only overlapped B) survives.
    const merged = mergeFindings([
      finding("PERSON", 0, 10, 0.6),
      finding("PHONE_NUMBER", 8, 20, 0.7),
      finding("US_SSN", 18, 30, 0.9),
    ]);
    expect(merged.map((f) => f.type)).toEqual(["PERSON", "US_SSN"]);
  });

  it("prefers the longer span on equal confidence and drops empty spans", () => {
    const merged = mergeFindings([
      finding("IP_ADDRESS", 0, 7, 0.8),
      finding("IP_ADDRESS", 0, 18, 0.8),
      finding("PERSON", 20, 20, 0.9),
    ]);
    expect(merged).toEqual([finding("IP_ADDRESS", 0, 18, 0.8)]);
  });
});
