import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateGatewayModelRequest,
  CreateGatewayPriceRequest,
  CreateGatewayProviderRequest,
  GatewayModel,
  GatewayPriceVersion,
  GatewayProvider,
  UpdateGatewayModelRequest,
  UpdateGatewayProviderRequest,
} from "@tributary/contracts";
import { api } from "../../../api/client";
import { useCursorList } from "../../../ui/use-cursor-list";

const providersKey = ["gateway-catalog", "providers"] as const;
const modelsKey = ["gateway-catalog", "models"] as const;
const catalogKey = ["gateway-catalog"] as const;
const path = (kind: "providers" | "models", id?: string) =>
  `/api/v1/gateway/${kind}${id ? `/${encodeURIComponent(id)}` : ""}`;

export function useProviders() {
  return useCursorList<GatewayProvider>({ queryKey: providersKey, path: path("providers"), pageSize: 100 });
}

export function useModels() {
  return useCursorList<GatewayModel>({ queryKey: modelsKey, path: path("models"), pageSize: 100 });
}

/** Every catalog change can touch both lists (a renamed provider shows in its models' deployments). */
function useCatalogMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKey }),
  });
}

export const useCreateProvider = () =>
  useCatalogMutation((body: CreateGatewayProviderRequest) =>
    api.post<GatewayProvider>(path("providers"), body),
  );
export const useUpdateProvider = () =>
  useCatalogMutation(({ id, body }: { id: string; body: UpdateGatewayProviderRequest }) =>
    api.patch<GatewayProvider>(path("providers", id), body),
  );
export const useDeleteProvider = () => useCatalogMutation((id: string) => api.delete(path("providers", id)));

export const useCreateModel = () =>
  useCatalogMutation((body: CreateGatewayModelRequest) => api.post<GatewayModel>(path("models"), body));
export const useUpdateModel = () =>
  useCatalogMutation(({ id, body }: { id: string; body: UpdateGatewayModelRequest }) =>
    api.patch<GatewayModel>(path("models", id), body),
  );
export const useDeleteModel = () => useCatalogMutation((id: string) => api.delete(path("models", id)));

export function usePriceHistory(modelId: string) {
  return useQuery({
    queryKey: [...catalogKey, "prices", modelId],
    queryFn: ({ signal }) =>
      api.get<{ data: GatewayPriceVersion[] }>(`${path("models", modelId)}/prices`, { signal }),
    select: (history) => history.data,
  });
}

export const useAddPrice = (modelId: string) =>
  useCatalogMutation((body: CreateGatewayPriceRequest) =>
    api.post<GatewayPriceVersion>(`${path("models", modelId)}/prices`, body),
  );
