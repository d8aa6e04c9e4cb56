import { useQuery } from "@tanstack/react-query";
import type { SpaceSearchRequestBody, SpaceSearchResponse } from "@tributary/contracts";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";

/** Runs `POST /api/v1/search` for a request; idle while there is none (no query typed yet). */
export function useSpaceSearch(spaceId: string, request: SpaceSearchRequestBody | null) {
  return useQuery({
    queryKey: ["space-search", spaceId, request],
    queryFn: ({ signal }) =>
      api.post<SpaceSearchResponse>("/api/v1/search", request, { space: spaceId, signal }),
    enabled: request !== null,
    staleTime: 30_000,
    // A disabled vector store (503) or a bad request will answer the same on retry.
    retry: (count, error) =>
      count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 504),
  });
}
