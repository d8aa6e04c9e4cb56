/**
 * The spec leaves `content_category` open ("e.g. financial, medical, legal"); this closed set
 * extends its examples so callers can switch over it exhaustively.
 */
export type ContentCategory =
  | "financial"
  | "legal"
  | "medical"
  | "technical"
  | "hr"
  | "marketing"
  | "academic"
  | "correspondence"
  | "general";

export const CONTENT_CATEGORIES: readonly ContentCategory[] = [
  "financial",
  "legal",
  "medical",
  "technical",
  "hr",
  "marketing",
  "academic",
  "correspondence",
  "general",
];

/** Categories whose documents are business-sensitive even without personal data in them. */
export const SENSITIVE_CATEGORIES: ReadonlySet<ContentCategory> = new Set([
  "financial",
  "legal",
  "hr",
  "medical",
]);
