import { describe, expect, it } from "vitest";
import { detectPii } from "./detect-pii.js";
import { PLANTED_PII_TEXT, PLANTED_VALUES } from "./planted-pii-fixture.js";
import { redactPii } from "./redact-pii.js";
import { summarizePii } from "./summarize-pii.js";

describe("detectPii", () => {
  it("finds every planted value with its type", () => {
    const findings = detectPii(PLANTED_PII_TEXT);
    const found = findings.map((f) => [f.type, PLANTED_PII_TEXT.slice(f.start, f.end)]);
    for (const planted of PLANTED_VALUES) expect(found).toContainEqual(planted);
  });

  it("redacts every planted value completely", () => {
    const { text } = redactPii(PLANTED_PII_TEXT, detectPii(PLANTED_PII_TEXT));
    for (const [type, value] of PLANTED_VALUES) {
      expect(text).not.toContain(value);
      expect(text).toContain(`[REDACTED:${type}]`);
    }
    // No digit run of the card, SSN, phone or IBAN survives.
    expect(text).not.toMatch(/\d{4}/);
  });

  it("returns sorted, non-overlapping findings without raw values", () => {
    const findings = detectPii(PLANTED_PII_TEXT);
    for (let i = 1; i < findings.length; i++) {
      expect(findings[i]?.start).toBeGreaterThanOrEqual(findings[i - 1]?.end ?? 0);
    }
    expect(Object.keys(findings[0] ?? {}).sort()).toEqual([
      "confidence",
      "end",
      "recognizer",
      "start",
      "type",
    ]);
  });

  it("looks only for the requested entities", () => {
    const types = new Set(
      detectPii(PLANTED_PII_TEXT, { entities: ["EMAIL_ADDRESS", "IBAN"] }).map((f) => f.type),
    );
    expect([...types].sort()).toEqual(["EMAIL_ADDRESS", "IBAN"]);
  });

  it("drops findings below minConfidence", () => {
    const types = detectPii(PLANTED_PII_TEXT, { minConfidence: 0.8 }).map((f) => f.type);
    expect(types).not.toContain("PERSON");
    expect(types).not.toContain("IP_ADDRESS");
    expect(types).toContain("CREDIT_CARD");
  });

  it("limits NER to nerMaxChars but keeps pattern recognizers everywhere", () => {
    const text = `${"Nothing to see here. ".repeat(20)}Maria Garcia paid with 4111 1111 1111 1111.`;
    const types = detectPii(text, { nerMaxChars: 100 }).map((f) => f.type);
    expect(types).toEqual(["CREDIT_CARD"]);
  });

  it("handles empty and PII-free text", () => {
    expect(detectPii("")).toEqual([]);
    expect(detectPii("the weather is fine today, nothing to report.")).toEqual([]);
  });
});

describe("summarizePii", () => {
  it("counts findings by type", () => {
    const summary = summarizePii(detectPii(`${PLANTED_PII_TEXT} Also 10.0.0.1.`));
    expect(summary.pii_detected).toBe(true);
    expect(summary.counts.IP_ADDRESS).toBe(2);
    expect(summary.counts.CREDIT_CARD).toBe(1);
    expect(summary.types).toEqual([
      "CREDIT_CARD",
      "US_SSN",
      "EMAIL_ADDRESS",
      "PHONE_NUMBER",
      "IBAN",
      "IP_ADDRESS",
      "PERSON",
      "LOCATION",
    ]);
  });

  it("reports nothing for no findings", () => {
    expect(summarizePii([])).toEqual({ pii_detected: false, counts: {}, types: [] });
  });
});
