import { useQuery } from "@tanstack/react-query";
import type { UsageGroupBy, UsageResponse } from "@tributary/contracts";
import { api } from "../../../api/client";
import { toApiInterval, type UsageRange } from "./usage-range";

/** Totals and the time series of the range (no grouping: one point per bucket). */
export function useUsageSeries(spaceId: string, range: UsageRange, enabled: boolean) {
  const interval = toApiInterval(range);
  return useQuery({
    queryKey: ["usage", spaceId, interval.from, interval.to],
    enabled,
    queryFn: ({ signal }) =>
      api.get<UsageResponse>("/api/v1/usage", { space: spaceId, query: interval, signal }),
  });
}

/** Per-group totals of the range; daily buckets keep the answer small whatever the range. */
export function useUsageBreakdown(spaceId: string, range: UsageRange, group: UsageGroupBy, enabled: boolean) {
  const interval = toApiInterval(range);
  return useQuery({
    queryKey: ["usage", spaceId, interval.from, interval.to, group],
    enabled,
    queryFn: ({ signal }) =>
      api.get<UsageResponse>("/api/v1/usage", {
        space: spaceId,
        query: { ...interval, group_by: group, granularity: "day" },
        signal,
      }),
    select: (response) => response.groups ?? [],
  });
}
