import type { PiiEntityType, PiiFinding, PiiSummary } from "./types.js";
import { PII_ENTITY_TYPES } from "./types.js";

/** Counts findings by type, the shape stored on files (`pii_detected`) and reported by the gateway. */
export function summarizePii(findings: readonly PiiFinding[]): PiiSummary {
  const counts: Partial<Record<PiiEntityType, number>> = {};
  for (const finding of findings) counts[finding.type] = (counts[finding.type] ?? 0) + 1;
  const types = PII_ENTITY_TYPES.filter((type) => counts[type] !== undefined);
  return { pii_detected: types.length > 0, counts, types };
}
