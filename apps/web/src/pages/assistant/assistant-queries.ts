import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type {
  AssistantConversation,
  AssistantConversationDetail,
  QueryHistoryEntry,
} from "@tributary/contracts";
import { api } from "../../api/client";

interface Page<T> {
  readonly data: T[];
  readonly next_cursor: string | null;
  readonly has_more: boolean;
}

/** Every assistant query of a space starts with this, so one invalidation refreshes them all. */
export const assistantKeys = {
  all: (spaceId: string) => ["assistant", spaceId] as const,
  conversations: (spaceId: string) => ["assistant", spaceId, "conversations"] as const,
  conversation: (spaceId: string, id: string) => ["assistant", spaceId, "conversation", id] as const,
  history: (spaceId: string) => ["assistant", spaceId, "history"] as const,
};

export const conversationQuery = (spaceId: string, id: string) => ({
  queryKey: assistantKeys.conversation(spaceId, id),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.get<AssistantConversationDetail>(`/api/v1/conversations/${encodeURIComponent(id)}`, {
      space: spaceId,
      signal,
    }),
});

export function useConversation(spaceId: string, id: string | undefined) {
  return useQuery({ ...conversationQuery(spaceId, id ?? ""), enabled: Boolean(id) });
}

/** Newest first, 30 at a time. */
export function useConversations(spaceId: string) {
  return useInfiniteQuery({
    queryKey: assistantKeys.conversations(spaceId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AssistantConversation>>("/api/v1/conversations", {
        space: spaceId,
        query: { limit: 30, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.has_more ? (page.next_cursor ?? undefined) : undefined),
  });
}

export function useQueryHistory(spaceId: string) {
  return useInfiniteQuery({
    queryKey: assistantKeys.history(spaceId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<QueryHistoryEntry>>("/api/v1/query-history", {
        space: spaceId,
        query: { limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.has_more ? (page.next_cursor ?? undefined) : undefined),
  });
}
