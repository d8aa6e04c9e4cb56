import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Budget, CreateBudgetRequest, UpdateBudgetRequest, UsageResponse } from "@tributary/contracts";
import { api } from "../../../api/client";
import { periodWindow, spendingQueries, spendingQueryKey, spentOf } from "./budget-spending";

/** Budgets are the tenant's; the space only says which tenant (and lets the API check the role). */
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

/** A budget's spending so far: loading, failed (with the API's error), or the amount. */
export type BudgetSpend =
  | { readonly state: "loading" }
  | { readonly state: "error"; readonly error: unknown }
  | { readonly state: "ready"; readonly spentUsd: number };

/** Refreshed this often while the page is open: spending moves with every gateway call. */
const spendingRefreshMs = 30_000;

/**
 * What each budget has spent in its current period. The budgets API does not report it, so it is
 * summed from recorded usage (`GET /api/v1/usage`), one call per scope kind and period in use.
 * Calls still in flight are not counted yet, so the guard may refuse a little earlier than this shows.
 */
export function useBudgetSpending(spaceId: string, budgets: readonly Budget[], now: Date = new Date()) {
  const queries = spendingQueries(budgets);
  const results = useQueries({
    queries: queries.map((query) => {
      const window = periodWindow(query.period, now);
      return {
        queryKey: ["budget-spending", spaceId, query.period, query.scope, window.from] as const,
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          api.get<UsageResponse>("/api/v1/usage", {
            space: spaceId,
            query: { ...window, granularity: "day", group_by: query.groupBy ?? undefined },
            signal,
          }),
        refetchInterval: spendingRefreshMs,
      };
    }),
  });
  const byKey = new Map(queries.map((query, index) => [spendingQueryKey(query), results[index]]));
  return (budget: Budget): BudgetSpend => {
    const result = byKey.get(spendingQueryKey(budget));
    if (!result || result.isPending) return { state: "loading" };
    if (result.error) return { state: "error", error: result.error };
    return { state: "ready", spentUsd: spentOf(budget, result.data) };
  };
}
