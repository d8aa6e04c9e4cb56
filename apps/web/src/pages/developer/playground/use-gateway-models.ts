import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

interface ModelList {
  readonly data: Array<{ id: string; owned_by: string }>;
}

/** The models this user may call in this space, from the gateway itself (`GET /v1/models`). */
export function useGatewayModels(spaceId: string) {
  return useQuery({
    queryKey: ["gateway-models", spaceId],
    queryFn: ({ signal }) => api.get<ModelList>("/v1/models", { space: spaceId, signal }),
    select: (list) => list.data,
    staleTime: 60_000,
  });
}
