import type { PatternRecognizer, PiiFinding } from "../types.js";
import { isAsciiAlphanumeric, isDigit, isUpperAsciiLetter } from "./char-classes.js";
import { IBAN_LENGTHS, MAX_IBAN_LENGTH } from "./iban-lengths.js";

/** Country code and check digits at a token start, followed by more of the account number. */
const IBAN_START = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?= ?[A-Z0-9])/g;
const IBAN_CONFIDENCE = 0.95;

/** ISO 13616 check: move the first four characters to the end, letters to 10–35, mod 97 = 1. */
export function isIbanChecksumValid(compact: string): boolean {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    if (isDigit(code)) remainder = (remainder * 10 + (code - 48)) % 97;
    else if (isUpperAsciiLetter(code)) remainder = (remainder * 100 + (code - 55)) % 97;
    else return false;
  }
  return remainder === 1;
}

/**
 * Reads exactly `length` IBAN characters from `start`, allowing single spaces between them (print
 * groups of four). Returns the end offset and compact form, or undefined when the text does not
 * hold that many, or when the account number runs on past the country's length.
 */
function readIban(text: string, start: number, length: number): { end: number; compact: string } | undefined {
  let compact = "";
  let i = start;
  while (compact.length < length) {
    if (i >= text.length) return undefined;
    const code = text.charCodeAt(i);
    if (isDigit(code) || isUpperAsciiLetter(code)) {
      compact += text[i];
      i++;
    } else if (code === 32 && compact.length > 0 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (!isDigit(next) && !isUpperAsciiLetter(next)) return undefined;
      i++;
    } else {
      return undefined;
    }
  }
  if (i < text.length && isAsciiAlphanumeric(text.charCodeAt(i))) return undefined;
  return { end: i, compact };
}

export const ibanRecognizer: PatternRecognizer = {
  name: "iban_checksum",
  type: "IBAN",
  maxLength: MAX_IBAN_LENGTH * 2,
  leftContext: 1,
  rightContext: 2,
  // Upper-case letters, digits and space: IBANs are printed upper case, and leaving lower case out
  // keeps ordinary prose from looking like a partial IBAN to the streaming redactor.
  isSpanChar: (code) => isDigit(code) || isUpperAsciiLetter(code) || code === 32,
  find(text) {
    const findings: PiiFinding[] = [];
    IBAN_START.lastIndex = 0;
    for (let match = IBAN_START.exec(text); match; match = IBAN_START.exec(text)) {
      const length = IBAN_LENGTHS[match[0].slice(0, 2)];
      if (length === undefined) continue;
      const iban = readIban(text, match.index, length);
      if (!iban || !isIbanChecksumValid(iban.compact)) continue;
      findings.push({
        type: "IBAN",
        start: match.index,
        end: iban.end,
        confidence: IBAN_CONFIDENCE,
        recognizer: "iban_checksum",
      });
    }
    return findings;
  },
};
