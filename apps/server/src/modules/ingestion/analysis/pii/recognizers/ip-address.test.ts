import { describe, expect, it } from "vitest";
import { ipAddressRecognizer, isIpv4, isIpv6 } from "./ip-address.js";
import { matchedValues } from "./recognizer-test-helpers.js";

describe("IP address recognizer", () => {
  it("finds IPv4 addresses", () => {
    expect(matchedValues(ipAddressRecognizer, "from 192.168.10.24 and 10.0.0.1.")).toEqual([
      "192.168.10.24",
      "10.0.0.1",
    ]);
  });

  it("rejects out-of-range octets, leading zeros and longer dotted runs", () => {
    expect(matchedValues(ipAddressRecognizer, "999.1.1.1 192.168.010.1 v1.2.3.4 1.2.3.4.5")).toEqual([]);
    expect(isIpv4("256.1.1.1")).toBe(false);
  });

  it("finds IPv6 addresses in full, compressed and IPv4-embedded forms", () => {
    const text = "hosts 2001:0db8:85a3:0000:0000:8a2e:0370:7334, fe80::1 and ::ffff:192.168.1.1 up";
    expect(matchedValues(ipAddressRecognizer, text)).toEqual([
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
      "fe80::1",
      "::ffff:192.168.1.1",
    ]);
  });

  it("rejects times, C++ scopes, MAC addresses and malformed groups", () => {
    expect(
      matchedValues(ipAddressRecognizer, "at 12:30:45 use std::map or a::b, mac 00:1A:2B:3C:4D:5E"),
    ).toEqual([]);
    expect(isIpv6("1::2::3")).toBe(false);
    expect(isIpv6("1:2:3:4:5:6:7")).toBe(false);
    expect(isIpv6("12345::1")).toBe(false);
  });
});
