import { describe, expect, it } from "vitest";
import { summarizePii } from "../pii/summarize-pii.js";
import type { PiiEntityType } from "../pii/types.js";
import { assessSensitivity } from "./assess-sensitivity.js";

function summaryOf(...types: PiiEntityType[]) {
  return summarizePii(
    types.map((type, i) => ({ type, start: i, end: i + 1, confidence: 0.9, recognizer: "test" })),
  );
}

describe("assessSensitivity", () => {
  it("is public without PII in non-sensitive content", () => {
    expect(assessSensitivity(summaryOf(), "general")).toEqual({
      sensitivity_level: "public",
      compliance_flags: [],
    });
  });

  it("is internal without PII in business-sensitive content", () => {
    expect(assessSensitivity(summaryOf(), "legal")).toEqual({
      sensitivity_level: "internal",
      compliance_flags: [],
    });
    expect(assessSensitivity(summaryOf(), "financial")).toEqual({
      sensitivity_level: "internal",
      compliance_flags: ["SOX"],
    });
  });

  it("is confidential with any PII (the spec's scan rule)", () => {
    expect(assessSensitivity(summaryOf("EMAIL_ADDRESS"), "general")).toEqual({
      sensitivity_level: "confidential",
      compliance_flags: ["GDPR"],
    });
    expect(assessSensitivity(summaryOf("LOCATION"), "marketing")).toEqual({
      sensitivity_level: "confidential",
      compliance_flags: [],
    });
  });

  it("is restricted with card numbers, SSNs or IBANs", () => {
    expect(assessSensitivity(summaryOf("CREDIT_CARD"), "financial")).toEqual({
      sensitivity_level: "restricted",
      compliance_flags: ["GDPR", "PCI", "SOX", "CCPA"],
    });
    expect(assessSensitivity(summaryOf("US_SSN"), "hr")).toEqual({
      sensitivity_level: "restricted",
      compliance_flags: ["GDPR", "CCPA"],
    });
    expect(assessSensitivity(summaryOf("IBAN"), "general").sensitivity_level).toBe("restricted");
  });

  it("treats medical content with personal data as PHI", () => {
    expect(assessSensitivity(summaryOf("PERSON"), "medical")).toEqual({
      sensitivity_level: "restricted",
      compliance_flags: ["GDPR", "HIPAA", "CCPA"],
    });
    expect(assessSensitivity(summaryOf(), "medical")).toEqual({
      sensitivity_level: "internal",
      compliance_flags: [],
    });
  });

  it("flags student records under FERPA", () => {
    expect(assessSensitivity(summaryOf("PERSON", "EMAIL_ADDRESS"), "academic").compliance_flags).toEqual([
      "GDPR",
      "FERPA",
    ]);
  });
});
