import { AppError } from "../errors/index.js";

/** One `{data, next_cursor, has_more}` page of a list (DESIGN §6). */
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
  has_more: boolean;
}

/**
 * The type of each part of a sort key: a number, any string, or a string of a given shape
 * (a pattern). Typed parts make a forged cursor a 400, never a failed cast in SQL.
 */
export type KeyPart = "number" | "string" | RegExp;
type KeyOf<K extends readonly KeyPart[]> = {
  -readonly [I in keyof K]: K[I] extends "number" ? number : string;
};

export const uuidKey = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque keyset cursor: the sort key of the last row shown, base64url-encoded JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The sort key a cursor carries, or null without one; a cursor we did not issue is a 400. */
export function decodeCursor<const K extends readonly KeyPart[]>(
  cursor: string | undefined,
  shape: K,
): KeyOf<K> | null {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => fits(part, shape[i]))) {
      return key as KeyOf<K>;
    }
  } catch {
    // Not JSON: falls through to the error below.
  }
  throw new AppError("VALIDATION_ERROR", "Invalid cursor: pass next_cursor from the previous page", {
    details: { field: "cursor" },
  });
}

function fits(part: unknown, expected: KeyPart | undefined): boolean {
  if (expected === "number") return typeof part === "number" && Number.isFinite(part);
  if (expected === "string") return typeof part === "string";
  return typeof part === "string" && expected !== undefined && expected.test(part);
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
