import type { PatternRecognizer, PiiFinding } from "../types.js";
import { isDigit } from "./char-classes.js";
import { hasContextBefore } from "./context-words.js";

/**
 * ddd-dd-dddd, ddd dd dddd or ddddddddd with the same separator twice, alone in its digit run.
 * Only the dashed form is distinctive enough to report without a context word before it.
 */
const SSN_CANDIDATE = /(?<!\d[ -]?)(\d{3})([ -]?)(\d{2})\2(\d{4})(?![ -]?\d)/g;
const SSN_CONTEXT = /\b(?:ssn|ss#|ss #|social\s+security|soc\.?\s*sec|sec\.?\s*soc)/i;
const CONTEXT_WINDOW = 40;

const DASHED_CONFIDENCE = 0.85;
const WITH_CONTEXT_BONUS = 0.1;
const UNDASHED_WITH_CONTEXT_CONFIDENCE = 0.7;

/** SSA rules: no 000, 666 or 9xx area, no 00 group, no 0000 serial. */
export function isPlausibleSsn(area: string, group: string, serial: string): boolean {
  return area !== "000" && area !== "666" && !area.startsWith("9") && group !== "00" && serial !== "0000";
}

export const usSsnRecognizer: PatternRecognizer = {
  name: "us_ssn",
  type: "US_SSN",
  maxLength: 11,
  leftContext: CONTEXT_WINDOW,
  rightContext: 2,
  isSpanChar: (code) => isDigit(code) || code === 32 || code === 45,
  find(text) {
    const findings: PiiFinding[] = [];
    SSN_CANDIDATE.lastIndex = 0;
    for (let match = SSN_CANDIDATE.exec(text); match; match = SSN_CANDIDATE.exec(text)) {
      SSN_CANDIDATE.lastIndex = match.index + 1;
      const [value, area = "", separator = "", group = "", serial = ""] = match;
      if (!isPlausibleSsn(area, group, serial)) continue;
      const hasContext = hasContextBefore(text, match.index, SSN_CONTEXT, CONTEXT_WINDOW);
      let confidence: number;
      if (separator === "-") confidence = DASHED_CONFIDENCE + (hasContext ? WITH_CONTEXT_BONUS : 0);
      else if (hasContext) confidence = UNDASHED_WITH_CONTEXT_CONFIDENCE;
      else continue;
      findings.push({
        type: "US_SSN",
        start: match.index,
        end: match.index + value.length,
        confidence,
        recognizer: "us_ssn",
      });
    }
    return findings;
  },
};
