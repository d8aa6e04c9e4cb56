import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import type { Space } from "@tributary/contracts";
import { api } from "../api/client";

/** The space of the current URL (`/s/$spaceId/...`). */
export function useSpaceId(): string {
  return useParams({ from: "/s/$spaceId" }).spaceId;
}

export const spacesQueryKey = ["spaces"] as const;

/** The caller's spaces: personal first, then organizations by name. */
export function useSpaces() {
  return useQuery({
    queryKey: spacesQueryKey,
    queryFn: async () => {
      const page = await api.get<{ data: Space[] }>("/api/v1/spaces", { query: { limit: 100 } });
      return sortSpaces(page.data);
    },
    staleTime: 30_000,
  });
}

export function sortSpaces(spaces: readonly Space[]): Space[] {
  return [...spaces].sort((a, b) => {
    if (a.space_type !== b.space_type) return a.space_type === "personal" ? -1 : 1;
    if (a.is_default !== b.is_default) return a.is_default ? -1 : 1;
    return a.name.localeCompare(b.name);
  });
}
