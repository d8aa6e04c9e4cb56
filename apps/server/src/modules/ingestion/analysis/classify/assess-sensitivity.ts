import type { PiiEntityType, PiiSummary } from "../pii/types.js";
import type { ContentCategory } from "./content-categories.js";
import { SENSITIVE_CATEGORIES } from "./content-categories.js";

/** Spec `files.sensitivity_level`. */
export type SensitivityLevel = "public" | "internal" | "confidential" | "restricted";

/** Spec `files.compliance_flags` values. */
export type ComplianceFlag = "GDPR" | "HIPAA" | "PCI" | "SOX" | "CCPA" | "FERPA";

export interface SensitivityAssessment {
  readonly sensitivity_level: SensitivityLevel;
  /** In the order GDPR, HIPAA, PCI, SOX, CCPA, FERPA. */
  readonly compliance_flags: readonly ComplianceFlag[];
}

/** Identifiers whose leak is directly exploitable (fraud, identity theft). */
const HIGH_RISK: readonly PiiEntityType[] = ["CREDIT_CARD", "US_SSN", "IBAN"];
/** Anything that identifies a person; a place name alone does not. */
const PERSONAL_DATA: readonly PiiEntityType[] = [
  "PERSON",
  "EMAIL_ADDRESS",
  "PHONE_NUMBER",
  "IP_ADDRESS",
  "IBAN",
  "CREDIT_CARD",
  "US_SSN",
];

const FLAG_ORDER: readonly ComplianceFlag[] = ["GDPR", "HIPAA", "PCI", "SOX", "CCPA", "FERPA"];

/**
 * Maps what the PII scan found and the content category to `sensitivity_level` and
 * `compliance_flags`. The spec's scan sets `confidential` when any PII is found, else `public`;
 * its four-level enum is used to refine that:
 * - restricted: card numbers, SSNs or IBANs, or medical content with personal data (PHI);
 * - confidential: any other PII (spec rule, LOCATION included);
 * - internal: no PII, but financial, legal, HR or medical content;
 * - public: otherwise.
 * Flags: GDPR for personal data, HIPAA for medical content with personal data, PCI for card
 * numbers, SOX for financial content, CCPA for the identifiers California's breach rules name
 * (SSN, card numbers, medical information), FERPA for academic content with personal data.
 */
export function assessSensitivity(pii: PiiSummary, category: ContentCategory): SensitivityAssessment {
  const has = (type: PiiEntityType): boolean => (pii.counts[type] ?? 0) > 0;
  const hasPersonalData = PERSONAL_DATA.some(has);
  const flags = new Set<ComplianceFlag>();
  if (hasPersonalData) flags.add("GDPR");
  if (category === "medical" && hasPersonalData) flags.add("HIPAA");
  if (has("CREDIT_CARD")) flags.add("PCI");
  if (category === "financial") flags.add("SOX");
  if (has("US_SSN") || has("CREDIT_CARD") || flags.has("HIPAA")) flags.add("CCPA");
  if (category === "academic" && hasPersonalData) flags.add("FERPA");

  let level: SensitivityLevel;
  if (HIGH_RISK.some(has) || flags.has("HIPAA")) level = "restricted";
  else if (pii.pii_detected) level = "confidential";
  else if (SENSITIVE_CATEGORIES.has(category)) level = "internal";
  else level = "public";

  return { sensitivity_level: level, compliance_flags: FLAG_ORDER.filter((flag) => flags.has(flag)) };
}
