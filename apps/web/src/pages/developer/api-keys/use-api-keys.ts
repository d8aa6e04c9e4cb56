import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiKey, CreateApiKeyRequest, CreatedApiKey } from "@tributary/contracts";
import { api } from "../../../api/client";
import { useCursorList } from "../../../ui/use-cursor-list";

/** Keys belong to the user, not to a space: one list, whichever space the page is in. */
export const apiKeysQueryKey = ["api-keys"] as const;

export function useApiKeys() {
  return useCursorList<ApiKey>({ queryKey: apiKeysQueryKey, path: "/api/v1/api-keys", pageSize: 100 });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateApiKeyRequest) => api.post<CreatedApiKey>("/api/v1/api-keys", request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
