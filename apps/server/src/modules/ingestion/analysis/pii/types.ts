/** The PII entities the recognizers find; names follow Presidio's, which the spec's scan uses. */
export type PiiEntityType =
  | "CREDIT_CARD"
  | "US_SSN"
  | "EMAIL_ADDRESS"
  | "PHONE_NUMBER"
  | "IBAN"
  | "IP_ADDRESS"
  | "PERSON"
  | "LOCATION";

export const PII_ENTITY_TYPES: readonly PiiEntityType[] = [
  "CREDIT_CARD",
  "US_SSN",
  "EMAIL_ADDRESS",
  "PHONE_NUMBER",
  "IBAN",
  "IP_ADDRESS",
  "PERSON",
  "LOCATION",
];

/**
 * One detected span. `start`/`end` are UTF-16 offsets into the scanned text (end exclusive).
 * The matched value itself is deliberately never stored: findings get logged, counted and persisted.
 */
export interface PiiFinding {
  readonly type: PiiEntityType;
  readonly start: number;
  readonly end: number;
  /** 0–1; checksum-validated patterns score high, NER guesses low. */
  readonly confidence: number;
  /** Which recognizer produced it, e.g. `credit_card_luhn`. */
  readonly recognizer: string;
}

/** What a caller (ingestion, gateway guardrail) does with PII. */
export type PiiPolicy = "off" | "detect" | "redact" | "block";

export interface PiiSummary {
  readonly pii_detected: boolean;
  /** Only the types that were found appear. */
  readonly counts: Partial<Record<PiiEntityType, number>>;
  /** Found types, in `PII_ENTITY_TYPES` order. */
  readonly types: readonly PiiEntityType[];
}

/**
 * A recognizer whose decisions are local: whether a finding covers [start, end) depends only on
 * text[start - leftContext, end + rightContext). The streaming redactor relies on these bounds to
 * know how much text it must hold back and keep as context.
 */
export interface PatternRecognizer {
  readonly name: string;
  readonly type: PiiEntityType;
  /** Longest span one finding can cover. */
  readonly maxLength: number;
  /** Characters before a finding its decision may read (look-behind, context keywords). */
  readonly leftContext: number;
  /** Characters after a finding its decision may read (look-ahead). */
  readonly rightContext: number;
  /**
   * True for characters a finding, and the look-ahead that decides it, can consist of. A finding
   * still undecided at the end of streamed text lies inside the trailing run of such characters.
   */
  isSpanChar(code: number): boolean;
  find(text: string): PiiFinding[];
}
