import { type QueryKey, useInfiniteQuery } from "@tanstack/react-query";
import { api, type QueryValue } from "../api/client";

/** One page of a `{data, next_cursor, has_more}` list. */
export interface CursorPage<T> {
  readonly data: T[];
  readonly next_cursor: string | null;
  readonly has_more: boolean;
}

/**
 * A cursor-paged list read page by page ("Load more"), as the API pages every list. `items` is
 * every page loaded so far, in order.
 */
export function useCursorList<T>(options: {
  queryKey: QueryKey;
  path: string;
  query?: Record<string, QueryValue>;
  space?: string;
  pageSize?: number;
  enabled?: boolean;
}) {
  const list = useInfiniteQuery({
    queryKey: options.queryKey,
    enabled: options.enabled ?? true,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<CursorPage<T>>(options.path, {
        query: { ...options.query, limit: options.pageSize ?? 50, cursor: pageParam },
        ...(options.space ? { space: options.space } : {}),
        signal,
      }),
    getNextPageParam: (last) => (last.has_more ? (last.next_cursor ?? undefined) : undefined),
  });
  const items: T[] = list.data?.pages.flatMap((page) => page.data) ?? [];
  return { ...list, items };
}
