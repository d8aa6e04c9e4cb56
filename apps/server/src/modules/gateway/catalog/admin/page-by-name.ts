import { decodeCursor, type Page, toPage } from "../../../../platform/pagination/index.js";

/** One page of an in-memory list sorted by name; the cursor is the last name shown. */
export function pageByName<T, V>(
  items: readonly T[],
  nameOf: (item: T) => string,
  view: (item: T) => V,
  query: { limit: number; cursor?: string | undefined },
): Page<V> {
  const [after] = decodeCursor(query.cursor, ["string"]) ?? [null];
  const rest = after === null ? items : items.filter((item) => nameOf(item) > after);
  return toPage(rest.slice(0, query.limit + 1), query.limit, (item) => [nameOf(item)], view);
}
