import { AppError } from "../errors/index.js";
import { validateObjectKey } from "./object-key.js";

export const maxListLimit = 1000;

/** Cursors are the last key of the previous page, opaque to callers; both stores resume after it. */
export function encodeListCursor(lastKey: string): string {
  return Buffer.from(lastKey, "utf8").toString("base64url");
}

export function decodeListCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const key = Buffer.from(cursor, "base64url").toString("utf8");
  try {
    return validateObjectKey(key);
  } catch {
    throw new AppError("VALIDATION_ERROR", "Invalid list cursor", { details: { cursor } });
  }
}

export function checkListLimit(limit: number | undefined): number {
  if (limit === undefined) return maxListLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxListLimit) {
    throw new AppError("VALIDATION_ERROR", `List limit must be an integer from 1 to ${maxListLimit}`, {
      details: { limit },
    });
  }
  return limit;
}

/** Compares keys the way S3 orders them: by UTF-8 bytes, not UTF-16 code units. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
