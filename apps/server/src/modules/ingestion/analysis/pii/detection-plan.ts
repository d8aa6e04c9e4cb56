import type { CountryCode } from "libphonenumber-js/max";
import type { NamedEntityType } from "./recognizers/named-entities.js";
import { patternRecognizerFor } from "./recognizers/pattern-recognizers.js";
import type { PatternRecognizer, PiiEntityType } from "./types.js";
import { PII_ENTITY_TYPES } from "./types.js";

export interface DetectPiiOptions {
  /** Entity types to look for; default all of PII_ENTITY_TYPES. */
  readonly entities?: readonly PiiEntityType[];
  /** Findings below this confidence are dropped before overlaps are resolved; default 0.5. */
  readonly minConfidence?: number;
  /** Region assumed for phone numbers written without `+country`; default "US". */
  readonly phoneRegion?: CountryCode;
  /**
   * How many characters (from the start) PERSON/LOCATION recognition covers; default 200,000.
   * NER is the slow recognizer; raise this for full coverage of large documents.
   */
  readonly nerMaxChars?: number;
}

export const DEFAULT_MIN_CONFIDENCE = 0.5;
export const DEFAULT_NER_MAX_CHARS = 200_000;

/** Options resolved into the recognizers to run; shared by detectPii and the streaming redactor. */
export interface DetectionPlan {
  readonly patterns: readonly PatternRecognizer[];
  readonly namedEntityTypes: ReadonlySet<NamedEntityType>;
  readonly minConfidence: number;
  readonly nerMaxChars: number;
}

export function planDetection(options: DetectPiiOptions = {}): DetectionPlan {
  const entities = new Set(options.entities ?? PII_ENTITY_TYPES);
  const phoneRegion = options.phoneRegion ?? "US";
  const patterns: PatternRecognizer[] = [];
  const namedEntityTypes = new Set<NamedEntityType>();
  for (const type of entities) {
    const recognizer = patternRecognizerFor(type, phoneRegion);
    if (recognizer) patterns.push(recognizer);
    else if (type === "PERSON" || type === "LOCATION") namedEntityTypes.add(type);
  }
  return {
    patterns,
    namedEntityTypes,
    minConfidence: options.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    nerMaxChars: options.nerMaxChars ?? DEFAULT_NER_MAX_CHARS,
  };
}
