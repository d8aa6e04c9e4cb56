import { AppError } from "../../../platform/errors/index.js";

/**
 * Keyset pagination on a unique, ordered column: the cursor is the last row's key, opaque to
 * clients (base64url), and checked against the key's shape so a forged one is a 400, not a query.
 */
export function encodeCursor(key: string): string {
  return Buffer.from(key, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined, shape: RegExp): string | null {
  if (cursor === undefined) return null;
  const key = Buffer.from(cursor, "base64url").toString("utf8");
  if (!shape.test(key)) {
    throw new AppError("VALIDATION_ERROR", "cursor is not one this list returned", {
      details: { field: "cursor" },
    });
  }
  return key;
}

/** Splits `limit + 1` fetched rows into a page and its next cursor. */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => string,
  map: (row: R) => T,
): { data: T[]; next_cursor: string | null; has_more: boolean } {
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(map),
    next_cursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
    has_more: hasMore,
  };
}

export const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
