import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Invitation, Organization, Space, SpaceMember } from "@tributary/contracts";
import { api } from "../../api/client";
import { spacesQueryKey } from "../../layout/use-space";

interface Page<T> {
  readonly data: T[];
  readonly next_cursor: string | null;
  readonly has_more: boolean;
}

/** Under the space list's key, so invalidating the list refreshes everything about spaces. */
export const spaceQueryKey = (spaceId: string) => [...spacesQueryKey, spaceId] as const;
export const membersQueryKey = (spaceId: string) => [...spaceQueryKey(spaceId), "members"] as const;
export const invitationsQueryKey = (spaceId: string) => [...spaceQueryKey(spaceId), "invitations"] as const;
export const organizationsQueryKey = ["organizations"] as const;

export function useSpace(spaceId: string) {
  return useQuery({
    queryKey: spaceQueryKey(spaceId),
    queryFn: () => api.get<Space>(`/api/v1/spaces/${spaceId}`, { space: spaceId }),
  });
}

export function useMembers(spaceId: string) {
  return useInfiniteQuery({
    queryKey: membersQueryKey(spaceId),
    queryFn: ({ pageParam }) =>
      api.get<Page<SpaceMember>>(`/api/v1/spaces/${spaceId}/members`, {
        space: spaceId,
        query: { limit: 100, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.has_more ? (page.next_cursor ?? undefined) : undefined),
  });
}

export function useInvitations(spaceId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: invitationsQueryKey(spaceId),
    queryFn: ({ pageParam }) =>
      api.get<Page<Invitation>>(`/api/v1/spaces/${spaceId}/invitations`, {
        space: spaceId,
        query: { limit: 100, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.has_more ? (page.next_cursor ?? undefined) : undefined),
    enabled,
  });
}

/** The caller's organizations (at most 100: more than anyone picks from in a menu). */
export function useOrganizations(enabled = true) {
  return useQuery({
    queryKey: organizationsQueryKey,
    queryFn: async () =>
      (await api.get<Page<Organization>>("/api/v1/organizations", { query: { limit: 100 } })).data,
    enabled,
    staleTime: 30_000,
  });
}
