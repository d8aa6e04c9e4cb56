import type { PatternRecognizer, PiiFinding } from "../types.js";
import { hasKnownIssuer } from "./card-brands.js";
import { digitsOf, isDigit } from "./char-classes.js";
import { isLuhnValid } from "./luhn.js";

/**
 * 13–19 digits, optionally grouped by single spaces or dashes. It starts only where a digit run
 * starts and must end the run, so a longer number (an account or order id) is never read as a card.
 */
const CARD_CANDIDATE = /(?<!\d[ -]?)\d(?:[ -]?\d){12,18}(?![ -]?\d)/g;

const KNOWN_ISSUER_CONFIDENCE = 0.9;
const LUHN_ONLY_CONFIDENCE = 0.55;

export const creditCardRecognizer: PatternRecognizer = {
  name: "credit_card_luhn",
  type: "CREDIT_CARD",
  maxLength: 19 + 18,
  leftContext: 2,
  rightContext: 2,
  isSpanChar: (code) => isDigit(code) || code === 32 || code === 45,
  find(text) {
    const findings: PiiFinding[] = [];
    CARD_CANDIDATE.lastIndex = 0;
    for (let match = CARD_CANDIDATE.exec(text); match; match = CARD_CANDIDATE.exec(text)) {
      // Resume one past the start so a rejected candidate never hides one inside it.
      CARD_CANDIDATE.lastIndex = match.index + 1;
      const digits = digitsOf(match[0]);
      if (!isLuhnValid(digits) || /^(\d)\1+$/.test(digits)) continue;
      findings.push({
        type: "CREDIT_CARD",
        start: match.index,
        end: match.index + match[0].length,
        confidence: hasKnownIssuer(digits) ? KNOWN_ISSUER_CONFIDENCE : LUHN_ONLY_CONFIDENCE,
        recognizer: "credit_card_luhn",
      });
    }
    return findings;
  },
};
