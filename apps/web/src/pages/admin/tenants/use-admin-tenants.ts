import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdminTenant, TenantPlan, UpdateTenantRequest } from "@tributary/contracts";
import { api } from "../../../api/client";
import { useCursorList } from "../../../ui/use-cursor-list";

export type PlanFilter = "" | TenantPlan;
export type KindFilter = "" | AdminTenant["kind"];

const tenantsKey = ["admin", "tenants"] as const;

export function useAdminTenants(plan: PlanFilter, kind: KindFilter) {
  return useCursorList<AdminTenant>({
    queryKey: [...tenantsKey, plan, kind],
    path: "/api/v1/admin/tenants",
    query: { plan: plan || undefined, kind: kind || undefined },
  });
}

export function useUpdateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTenantRequest }) =>
      api.patch<AdminTenant>(`/api/v1/admin/tenants/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantsKey }),
  });
}
