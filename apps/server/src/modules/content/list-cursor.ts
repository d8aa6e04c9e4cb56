import { decodeCursor, uuidKey } from "../../platform/pagination/index.js";

/** Lists run newest first on (created_at, id); the cursor keeps created_at to the microsecond. */
const timestampKey = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** `created_at` in the exact form the cursor carries (a JS Date would drop the microseconds). */
export function cursorTimestamp(alias: string): string {
  return `to_char(${alias}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_ts`;
}

export function decodeListCursor(cursor: string | undefined): { at: string | null; id: string | null } {
  const key = decodeCursor(cursor, [timestampKey, uuidKey]);
  return { at: key?.[0] ?? null, id: key?.[1] ?? null };
}

/** Rows after the cursor at `$at`/`$id` in (created_at DESC, id DESC) order. */
export function afterCursorCondition(alias: string, atParam: number, idParam: number): string {
  return `($${atParam}::timestamptz IS NULL OR (${alias}.created_at, ${alias}.id) < ($${atParam}::timestamptz, $${idParam}::uuid))`;
}
