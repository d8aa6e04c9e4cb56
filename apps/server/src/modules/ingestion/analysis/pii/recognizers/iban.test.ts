import { describe, expect, it } from "vitest";
import { ibanRecognizer, isIbanChecksumValid } from "./iban.js";
import { matchedValues } from "./recognizer-test-helpers.js";

describe("IBAN recognizer", () => {
  it("finds checksum-valid IBANs, printed in groups or compact", () => {
    const text =
      "Pay GB82 WEST 1234 5698 7654 32 or DE89370400440532013000. Also FR14 2004 1010 0505 0001 3M02 606.";
    expect(matchedValues(ibanRecognizer, text)).toEqual([
      "GB82 WEST 1234 5698 7654 32",
      "DE89370400440532013000",
      "FR14 2004 1010 0505 0001 3M02 606",
    ]);
  });

  it("rejects a bad checksum", () => {
    expect(matchedValues(ibanRecognizer, "GB83 WEST 1234 5698 7654 32")).toEqual([]);
    expect(isIbanChecksumValid("GB83WEST12345698765432")).toBe(false);
    expect(isIbanChecksumValid("GB82WEST12345698765432")).toBe(true);
  });

  it("rejects wrong lengths and unknown countries", () => {
    expect(matchedValues(ibanRecognizer, "GB82 WEST 1234 5698 7654 3")).toEqual([]);
    expect(matchedValues(ibanRecognizer, "GB82WEST123456987654321")).toEqual([]);
    expect(matchedValues(ibanRecognizer, "ZZ82 WEST 1234 5698 7654 32")).toEqual([]);
  });
});
