import { AppError } from "../errors/index.js";

/** S3's own limit; the filesystem store honours the same one so both accept the same keys. */
export const maxObjectKeyBytes = 1024;

// Cc: C0 and C1 controls and DEL; Cs: lone UTF-16 surrogates (which cannot be encoded as UTF-8).
const forbiddenCharacters = /[\p{Cc}\p{Cs}]/u;

function refuse(what: string, value: string, reason: string): never {
  throw new AppError("VALIDATION_ERROR", `Invalid object ${what}: ${reason}`, { details: { [what]: value } });
}

function checkCharacters(what: string, value: string): void {
  if (Buffer.byteLength(value, "utf8") > maxObjectKeyBytes)
    refuse(what, value, `longer than ${maxObjectKeyBytes} bytes`);
  if (value.startsWith("/")) refuse(what, value, "starts with '/'");
  if (value.includes("\\")) refuse(what, value, "contains a backslash");
  if (forbiddenCharacters.test(value)) refuse(what, value, "contains a control character");
}

function checkSegment(what: string, value: string, segment: string): void {
  if (segment === "") refuse(what, value, "has an empty path segment");
  if (segment === "." || segment === "..") refuse(what, value, `has a '${segment}' path segment`);
}

/**
 * Refuses keys that could escape a storage root or mean different things on different stores:
 * slash-separated, non-empty segments other than `.` and `..`, no controls, at most 1024 bytes.
 */
export function validateObjectKey(key: string): string {
  if (typeof key !== "string" || key === "") refuse("key", String(key), "is empty");
  checkCharacters("key", key);
  for (const segment of key.split("/")) checkSegment("key", key, segment);
  return key;
}

/**
 * A listing prefix: the same rules as a key for every complete segment; the last, partial segment
 * may be empty (`docs/`) or any beginning of a valid segment. The empty prefix lists everything.
 */
export function validateObjectPrefix(prefix: string): string {
  if (typeof prefix !== "string") refuse("prefix", String(prefix), "is not a string");
  if (prefix === "") return prefix;
  checkCharacters("prefix", prefix);
  const segments = prefix.split("/");
  segments.pop();
  for (const segment of segments) checkSegment("prefix", prefix, segment);
  return prefix;
}
