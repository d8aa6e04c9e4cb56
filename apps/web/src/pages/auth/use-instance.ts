import { useQuery } from "@tanstack/react-query";
import type { Instance } from "@tributary/contracts";
import { api } from "../../api/client";

export const instanceQueryKey = ["instance"] as const;

/** The public facts about this instance: its name, whether it awaits setup, its SSO providers. */
export function useInstance() {
  return useQuery({
    queryKey: instanceQueryKey,
    queryFn: () => api.get<Instance>("/api/v1/instance", { anonymous: true }),
    staleTime: 60_000,
  });
}
