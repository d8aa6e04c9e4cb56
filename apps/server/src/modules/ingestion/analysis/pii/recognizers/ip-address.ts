import type { PatternRecognizer, PiiFinding } from "../types.js";
import { isHexDigit } from "./char-classes.js";

/** Four dot-separated numbers, not part of a longer dotted run (versions like 1.2.3.4.5) or a word. */
const IPV4_CANDIDATE = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\w|\.\d)/g;
/** Colon-separated hex groups, optionally ending in an embedded IPv4; validated afterwards. */
const IPV6_CANDIDATE =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?![\w:]|\.\w)/g;

const IPV4_CONFIDENCE = 0.7;
const IPV6_CONFIDENCE = 0.8;

/** 0–255 without leading zeros (010 is octal to some parsers and rarely an address). */
function isOctet(part: string): boolean {
  if (part.length > 1 && part.startsWith("0")) return false;
  return Number(part) <= 255;
}

export function isIpv4(value: string): boolean {
  const parts = value.split(".");
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && isOctet(part));
}

/** RFC 4291 text forms: eight groups, or fewer around one `::`, optionally ending in IPv4. */
export function isIpv6(value: string): boolean {
  const halves = value.split("::");
  if (halves.length > 2) return false;
  const groupsOf = (half: string): string[] => (half === "" ? [] : half.split(":"));
  const head = groupsOf(halves[0] ?? "");
  const tail = groupsOf(halves[1] ?? "");
  const all = [...head, ...tail];
  let groupCount = all.length;
  const last = all[all.length - 1];
  if (last?.includes(".")) {
    if (!isIpv4(last)) return false;
    groupCount += 1; // an embedded IPv4 fills two groups
    all.pop();
  }
  if (!all.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? groupCount <= 7 : groupCount === 8;
}

function findIpv4(text: string, findings: PiiFinding[]): void {
  IPV4_CANDIDATE.lastIndex = 0;
  for (let match = IPV4_CANDIDATE.exec(text); match; match = IPV4_CANDIDATE.exec(text)) {
    IPV4_CANDIDATE.lastIndex = match.index + 1;
    if (!isIpv4(match[0])) continue;
    findings.push({
      type: "IP_ADDRESS",
      start: match.index,
      end: match.index + match[0].length,
      confidence: IPV4_CONFIDENCE,
      recognizer: "ip_address",
    });
  }
}

function findIpv6(text: string, findings: PiiFinding[]): void {
  IPV6_CANDIDATE.lastIndex = 0;
  for (let match = IPV6_CANDIDATE.exec(text); match; match = IPV6_CANDIDATE.exec(text)) {
    IPV6_CANDIDATE.lastIndex = match.index + 1;
    const value = match[0];
    // A digit keeps C++ scopes (`std::map` is not hex, but `a::b` would be) and bare `::` out.
    if (!/\d/.test(value) || !isIpv6(value)) continue;
    findings.push({
      type: "IP_ADDRESS",
      start: match.index,
      end: match.index + value.length,
      confidence: IPV6_CONFIDENCE,
      recognizer: "ip_address",
    });
  }
}

export const ipAddressRecognizer: PatternRecognizer = {
  name: "ip_address",
  type: "IP_ADDRESS",
  maxLength: 45,
  // An IPv4 match is dropped when an IPv6 address (up to 45 characters) ends with it.
  leftContext: 46,
  rightContext: 2,
  isSpanChar: (code) => isHexDigit(code) || code === 46 || code === 58,
  find(text) {
    const ipv6: PiiFinding[] = [];
    findIpv6(text, ipv6);
    const ipv4: PiiFinding[] = [];
    findIpv4(text, ipv4);
    // An IPv4 tail inside an IPv6 address (::ffff:10.0.0.1) is part of that address.
    const standalone = ipv4.filter((v4) => !ipv6.some((v6) => v6.start <= v4.start && v4.end <= v6.end));
    return [...ipv6, ...standalone].sort((a, b) => a.start - b.start);
  },
};
