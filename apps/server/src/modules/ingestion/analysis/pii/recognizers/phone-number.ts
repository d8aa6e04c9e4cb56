import type { CountryCode } from "libphonenumber-js/max";
import { Metadata, parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { PatternRecognizer, PiiFinding } from "../types.js";
import { digitsOf, isDigit } from "./char-classes.js";
import { hasContextBefore } from "./context-words.js";

/**
 * A run of digits (optionally led by `+`, groups optionally in parentheses) joined by single
 * spaces, dots or dashes. Each repetition consumes exactly one digit or one parenthesised group,
 * so the pattern cannot backtrack combinatorially on long digit runs. The run must start and end
 * here; libphonenumber (full "max" metadata) then decides whether it is a real number.
 */
const PHONE_CANDIDATE =
  /(?<![\w+(]|[\d)][ .-]?)\+?(?:\(\d{1,5}\)|\d)(?:[ .-]?(?:\(\d{1,5}\)|\d)){5,24}(?![ .-]?[\d(])/g;
const PHONE_CONTEXT = /\b(?:phone|tel|telephone|mobile|cell|call|fax|contact|whatsapp|sms)\b/i;
const CONTEXT_WINDOW = 32;
/** E.164 allows at most 15 digits; 7 is the shortest national number worth reporting. */
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

/** Digits a national-format number may add to the region's own lengths (trunk prefix "0" or "1"). */
const NATIONAL_PREFIX_ALLOWANCE = 2;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;

const FORMATTED_CONFIDENCE = 0.75;
/** A bare digit string that happens to be a valid number is often an id or amount. */
const BARE_DIGITS_CONFIDENCE = 0.4;
const CONTEXT_BONUS = 0.15;

/**
 * Digit counts a number written without `+` can have in `region`. Parsing is the expensive step
 * (tens of microseconds per candidate), so candidates of impossible length are dropped before it.
 */
function nationalDigitRange(region: CountryCode): { min: number; max: number } {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(region);
  const lengths = metadata.numberingPlan?.possibleLengths() ?? [];
  if (lengths.length === 0) return { min: MIN_DIGITS, max: MAX_DIGITS };
  return {
    min: Math.max(MIN_DIGITS, Math.min(...lengths)),
    max: Math.min(MAX_DIGITS, Math.max(...lengths) + NATIONAL_PREFIX_ALLOWANCE),
  };
}

export function createPhoneNumberRecognizer(defaultRegion: CountryCode): PatternRecognizer {
  const national = nationalDigitRange(defaultRegion);
  return {
    name: "phone_number",
    type: "PHONE_NUMBER",
    maxLength: 64,
    leftContext: CONTEXT_WINDOW,
    rightContext: 2,
    // digits, space, ( ) + - .
    isSpanChar: (code) =>
      isDigit(code) || code === 32 || code === 40 || code === 41 || code === 43 || code === 45 || code === 46,
    find(text) {
      const findings: PiiFinding[] = [];
      PHONE_CANDIDATE.lastIndex = 0;
      for (let match = PHONE_CANDIDATE.exec(text); match; match = PHONE_CANDIDATE.exec(text)) {
        PHONE_CANDIDATE.lastIndex = match.index + 1;
        const candidate = match[0];
        const digitCount = digitsOf(candidate).length;
        const [min, max] = candidate.startsWith("+")
          ? [MIN_DIGITS, MAX_DIGITS]
          : [national.min, national.max];
        // Dotted quads are IP addresses (their own recognizer), never worth a parse.
        if (digitCount < min || digitCount > max || DOTTED_QUAD.test(candidate)) continue;
        if (!parsePhoneNumberFromString(candidate, defaultRegion)?.isValid()) continue;
        const formatted = digitCount !== candidate.length;
        const hasContext = hasContextBefore(text, match.index, PHONE_CONTEXT, CONTEXT_WINDOW);
        const confidence =
          (formatted ? FORMATTED_CONFIDENCE : BARE_DIGITS_CONFIDENCE) + (hasContext ? CONTEXT_BONUS : 0);
        findings.push({
          type: "PHONE_NUMBER",
          start: match.index,
          end: match.index + candidate.length,
          confidence,
          recognizer: "phone_number",
        });
      }
      return findings;
    },
  };
}
