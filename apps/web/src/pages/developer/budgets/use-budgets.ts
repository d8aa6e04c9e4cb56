import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Budget, CreateBudgetRequest, UpdateBudgetRequest } from "@tributary/contracts";
import { api } from "../../../api/client";

/**
 * Budgets are the tenant's; the space only says which tenant (and lets the API check the role).
 * Each comes with what it has spent in its current period (`spend`), so one query shows it all.
 */
export const budgetsQueryKey = (spaceId: string) => ["gateway-budgets", spaceId] as const;

export function useBudgets(spaceId: string) {
  return useQuery({
    queryKey: budgetsQueryKey(spaceId),
    queryFn: ({ signal }) =>
      api.get<{ data: Budget[] }>("/api/v1/gateway/budgets", { space: spaceId, signal }),
    select: (list) => list.data,
  });
}

export function useCreateBudget(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateBudgetRequest) =>
      api.post<Budget>("/api/v1/gateway/budgets", request, { space: spaceId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetsQueryKey(spaceId) }),
  });
}

export function useUpdateBudget(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateBudgetRequest }) =>
      api.patch<Budget>(`/api/v1/gateway/budgets/${encodeURIComponent(id)}`, request, { space: spaceId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetsQueryKey(spaceId) }),
  });
}

export function useDeleteBudget(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.delete(`/api/v1/gateway/budgets/${encodeURIComponent(id)}`, { space: spaceId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetsQueryKey(spaceId) }),
  });
}
