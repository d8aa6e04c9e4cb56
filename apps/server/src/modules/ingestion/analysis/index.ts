// Text analysis shared by ingestion (documents) and the LLM gateway (guardrails): PII detection
// and redaction, language detection, content classification and sensitivity. Pure functions, no I/O.

export type {
  ComplianceFlag,
  SensitivityAssessment,
  SensitivityLevel,
} from "./classify/assess-sensitivity.js";
export { assessSensitivity } from "./classify/assess-sensitivity.js";
export type { ClassificationMeta, ContentClassification } from "./classify/classify-content.js";
export { classifyContent } from "./classify/classify-content.js";
export type { ContentCategory } from "./classify/content-categories.js";
export { CONTENT_CATEGORIES } from "./classify/content-categories.js";
export type { LanguageDetection } from "./language/detect-language.js";
export { detectLanguage, UNDETERMINED_LANGUAGE } from "./language/detect-language.js";
export { detectPii } from "./pii/detect-pii.js";
export type { DetectPiiOptions } from "./pii/detection-plan.js";
export { DEFAULT_MIN_CONFIDENCE, DEFAULT_NER_MAX_CHARS } from "./pii/detection-plan.js";
export { loadNamedEntityTagger as preparePiiNameDetection } from "./pii/recognizers/named-entities.js";
export type { RedactionResult, RedactionStyle, Replacement } from "./pii/redact-pii.js";
export { redactPii } from "./pii/redact-pii.js";
export type { StreamingRedactor, StreamingRedactorOptions } from "./pii/streaming-redactor.js";
export { createStreamingRedactor } from "./pii/streaming-redactor.js";
export { summarizePii } from "./pii/summarize-pii.js";
export type { PiiEntityType, PiiFinding, PiiPolicy, PiiSummary } from "./pii/types.js";
export { PII_ENTITY_TYPES } from "./pii/types.js";
