import { describe, expect, it } from "vitest";
import { hasKnownIssuer } from "./card-brands.js";
import { creditCardRecognizer } from "./credit-card.js";
import { isLuhnValid } from "./luhn.js";
import { matchedValues } from "./recognizer-test-helpers.js";

describe("credit card recognizer", () => {
  it("finds Luhn-valid numbers, grouped by spaces or dashes or not at all", () => {
    const text = "Visa 4111 1111 1111 1111, MC 5555-5555-5555-4444, Amex 378282246310005.";
    expect(matchedValues(creditCardRecognizer, text)).toEqual([
      "4111 1111 1111 1111",
      "5555-5555-5555-4444",
      "378282246310005",
    ]);
  });

  it("rejects a Luhn-invalid number", () => {
    expect(matchedValues(creditCardRecognizer, "card 4111 1111 1111 1112")).toEqual([]);
  });

  it("rejects numbers inside longer digit runs and repeated digits", () => {
    expect(matchedValues(creditCardRecognizer, "order 41111111111111111111")).toEqual([]);
    expect(matchedValues(creditCardRecognizer, "4111 1111 1111 1111 1234 5678")).toEqual([]);
    expect(matchedValues(creditCardRecognizer, "0000 0000 0000 0000")).toEqual([]);
  });

  it("scores known issuer ranges above bare Luhn matches", () => {
    const [known] = creditCardRecognizer.find("6011111111111117");
    // Luhn-valid, but 9 is no network's IIN.
    const [unknown] = creditCardRecognizer.find("9111111111111110");
    expect(known?.confidence).toBeGreaterThan(unknown?.confidence ?? 1);
    expect(unknown?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it("checks Luhn and issuer ranges", () => {
    expect(isLuhnValid("4111111111111111")).toBe(true);
    expect(isLuhnValid("4111111111111112")).toBe(false);
    expect(hasKnownIssuer("4111111111111111")).toBe(true);
    expect(hasKnownIssuer("2221000000000009")).toBe(true);
    expect(hasKnownIssuer("411111111111111")).toBe(false); // Visa never issues 15 digits
  });

  it("reports offsets, never the value", () => {
    const [finding] = creditCardRecognizer.find("pay 4111111111111111 now");
    expect(finding).toEqual({
      type: "CREDIT_CARD",
      start: 4,
      end: 20,
      confidence: 0.9,
      recognizer: "credit_card_luhn",
    });
  });
});
