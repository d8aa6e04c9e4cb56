import { describe, expect, it } from "vitest";
import { redactPii } from "./redact-pii.js";
import type { PiiFinding } from "./types.js";

const text = "mail jane@example.com or call 415-555-0132 now";
const findings: PiiFinding[] = [
  { type: "PHONE_NUMBER", start: 30, end: 42, confidence: 0.75, recognizer: "phone_number" },
  { type: "EMAIL_ADDRESS", start: 5, end: 21, confidence: 0.95, recognizer: "email_address" },
];

describe("redactPii", () => {
  it("replaces findings with type tags, in any input order", () => {
    expect(redactPii(text, findings).text).toBe(
      "mail [REDACTED:EMAIL_ADDRESS] or call [REDACTED:PHONE_NUMBER] now",
    );
  });

  it("masks findings character for character, keeping offsets", () => {
    const masked = redactPii(text, findings, "mask").text;
    expect(masked).toBe("mail **************** or call ************ now");
    expect(masked.length).toBe(text.length);
  });

  it("maps original offsets into the redacted text", () => {
    const result = redactPii(text, findings);
    expect(result.toRedactedOffset(0)).toBe(0);
    expect(result.toRedactedOffset(5)).toBe(5);
    expect(result.toRedactedOffset(10)).toBe(5); // inside the e-mail: start of its tag
    const nowAt = text.indexOf("now");
    expect(result.text.slice(result.toRedactedOffset(nowAt))).toBe("now");
    expect(result.replacements.map((r) => result.text.slice(r.redactedStart, r.redactedEnd))).toEqual([
      "[REDACTED:EMAIL_ADDRESS]",
      "[REDACTED:PHONE_NUMBER]",
    ]);
  });

  it("skips overlapping and out-of-range findings", () => {
    const overlapping: PiiFinding[] = [
      ...findings,
      { type: "PERSON", start: 10, end: 25, confidence: 0.6, recognizer: "compromise_ner" },
      { type: "PERSON", start: 40, end: 99, confidence: 0.6, recognizer: "compromise_ner" },
    ];
    expect(redactPii(text, overlapping).replacements.map((r) => r.type)).toEqual([
      "EMAIL_ADDRESS",
      "PHONE_NUMBER",
    ]);
  });
});
