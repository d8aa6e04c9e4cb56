import type { PatternRecognizer, PiiFinding } from "../types.js";
import { isAsciiAlphanumeric } from "./char-classes.js";

/**
 * local@label.label.tld. The local part starts at a token start (so `x.jane@…` is one address, not
 * `jane@…`), and the address must end where the domain ends (`…com.` at a sentence end is fine).
 */
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-]|\.[A-Za-z0-9])/g;
/** RFC 5321 path limit. */
const MAX_EMAIL_LENGTH = 254;
const EMAIL_CONFIDENCE = 0.95;

export const emailAddressRecognizer: PatternRecognizer = {
  name: "email_address",
  type: "EMAIL_ADDRESS",
  maxLength: MAX_EMAIL_LENGTH,
  leftContext: 1,
  rightContext: 2,
  // letters, digits and . _ % + - @
  isSpanChar: (code) =>
    isAsciiAlphanumeric(code) ||
    code === 46 ||
    code === 95 ||
    code === 37 ||
    code === 43 ||
    code === 45 ||
    code === 64,
  find(text) {
    const findings: PiiFinding[] = [];
    EMAIL.lastIndex = 0;
    for (let match = EMAIL.exec(text); match; match = EMAIL.exec(text)) {
      EMAIL.lastIndex = match.index + 1;
      if (match[0].length > MAX_EMAIL_LENGTH) continue;
      findings.push({
        type: "EMAIL_ADDRESS",
        start: match.index,
        end: match.index + match[0].length,
        confidence: EMAIL_CONFIDENCE,
        recognizer: "email_address",
      });
    }
    return findings;
  },
};
