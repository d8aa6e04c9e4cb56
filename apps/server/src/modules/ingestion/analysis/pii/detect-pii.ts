import type { DetectionPlan, DetectPiiOptions } from "./detection-plan.js";
import { planDetection } from "./detection-plan.js";
import { mergeFindings } from "./merge-findings.js";
import { NamedEntityScanner } from "./recognizers/named-entity-scanner.js";
import type { PiiFinding } from "./types.js";

/** Raw findings of every planned recognizer over `text`, confidence-filtered, not yet merged. */
export function collectPatternFindings(text: string, plan: DetectionPlan): PiiFinding[] {
  const findings: PiiFinding[] = [];
  for (const recognizer of plan.patterns) {
    for (const finding of recognizer.find(text)) {
      if (finding.confidence >= plan.minConfidence) findings.push(finding);
    }
  }
  return findings;
}

/**
 * Finds PII in `text`. Overlapping findings are resolved in favour of the most confident one;
 * the result is sorted by start and non-overlapping, ready for redactPii.
 */
export function detectPii(text: string, options?: DetectPiiOptions): PiiFinding[] {
  const plan = planDetection(options);
  const findings = collectPatternFindings(text, plan);
  if (plan.namedEntityTypes.size > 0) {
    const scanner = new NamedEntityScanner(plan.namedEntityTypes, plan.nerMaxChars);
    for (const finding of scanner.scan(text, 0, true)) {
      if (finding.confidence >= plan.minConfidence) findings.push(finding);
    }
  }
  return mergeFindings(findings);
}
