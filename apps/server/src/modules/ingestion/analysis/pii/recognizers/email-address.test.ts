import { describe, expect, it } from "vitest";
import { emailAddressRecognizer } from "./email-address.js";
import { matchedValues } from "./recognizer-test-helpers.js";

describe("email address recognizer", () => {
  it("finds addresses, excluding sentence punctuation", () => {
    const text = "Write to jane.doe@example.com. Or x.y+tag@sub.example.co.uk, or <ops@acme.io>!";
    expect(matchedValues(emailAddressRecognizer, text)).toEqual([
      "jane.doe@example.com",
      "x.y+tag@sub.example.co.uk",
      "ops@acme.io",
    ]);
  });

  it("rejects strings without a dotted domain and a real TLD", () => {
    expect(matchedValues(emailAddressRecognizer, "user@localhost not@valid a@b.c @example.com")).toEqual([]);
  });
});
