import { AppError } from "../../../platform/errors/index.js";

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
  has_more: boolean;
}

/** Opaque keyset cursor: the sort key of the last row shown, base64url-encoded JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The sort key a cursor carries, or null without one; a cursor we did not issue is a 400. */
export function decodeCursor<K extends readonly ("string" | "number")[]>(
  cursor: string | undefined,
  shape: K,
): { [I in keyof K]: K[I] extends "number" ? number : string } | null {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(key) &&
      key.length === shape.length &&
      key.every((part, index) => typeof part === shape[index])
    ) {
      return key as { [I in keyof K]: K[I] extends "number" ? number : string };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("VALIDATION_ERROR", "Invalid cursor: pass next_cursor from the previous page", {
    details: { field: "cursor" },
  });
}

/** Rows fetched with `LIMIT limit + 1` become one page; the extra row only says there is more. */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => readonly (string | number)[],
  map: (row: R) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const hasMore = rows.length > limit && last !== undefined;
  return { data: shown.map(map), next_cursor: hasMore ? encodeCursor(keyOf(last)) : null, has_more: hasMore };
}
