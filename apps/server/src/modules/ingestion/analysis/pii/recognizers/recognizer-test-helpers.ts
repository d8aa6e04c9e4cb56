import type { PatternRecognizer } from "../types.js";

/** The matched substrings a recognizer reports in `text`, for readable assertions. */
export function matchedValues(recognizer: PatternRecognizer, text: string): string[] {
  return recognizer.find(text).map((finding) => text.slice(finding.start, finding.end));
}
