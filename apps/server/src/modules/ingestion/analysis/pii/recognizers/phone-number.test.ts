import { describe, expect, it } from "vitest";
import { createPhoneNumberRecognizer } from "./phone-number.js";
import { matchedValues } from "./recognizer-test-helpers.js";

const us = createPhoneNumberRecognizer("US");

describe("phone number recognizer (libphonenumber-js, max metadata)", () => {
  it("finds NANP numbers in the usual formats", () => {
    const text = "Call (415) 555-0132, 415-555-0132, 415.555.0132 or +1 415 555 0132.";
    expect(matchedValues(us, text)).toEqual([
      "(415) 555-0132",
      "415-555-0132",
      "415.555.0132",
      "+1 415 555 0132",
    ]);
  });

  it("finds international E.164 numbers", () => {
    expect(matchedValues(us, "London +44 20 7946 0958, Paris +33 1 42 68 53 00")).toEqual([
      "+44 20 7946 0958",
      "+33 1 42 68 53 00",
    ]);
  });

  it("rejects dates, IPs, short numbers and invalid numbers", () => {
    expect(matchedValues(us, "on 2024-01-15 from 192.168.10.24, code 12345678, area 123-456-7890")).toEqual(
      [],
    );
  });

  it("scores bare digits low unless a context word precedes them", () => {
    expect(us.find("id 4155550132")[0]?.confidence).toBeLessThan(0.5);
    expect(us.find("tel 4155550132")[0]?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it("reads national numbers of the configured region", () => {
    expect(matchedValues(createPhoneNumberRecognizer("GB"), "ring 020 7946 0958")).toEqual(["020 7946 0958"]);
  });
});
