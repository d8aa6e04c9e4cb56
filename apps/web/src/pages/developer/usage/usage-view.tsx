import { Link } from "@tanstack/react-router";
import type { UsageGroupBy } from "@tributary/contracts";
import { useMemo } from "react";
import type { UsageSearch } from "../../../lib/search-params";
import { EmptyState, ErrorMessage, Notice, PageHeader, Spinner } from "../../../ui/feedback";
import { useGroupNamer } from "./group-names";
import { UsageBreakdown } from "./usage-breakdown";
import { UsageCharts } from "./usage-charts";
import { UsageFilters } from "./usage-filters";
import { fillBuckets, resolveUsageRange } from "./usage-range";
import { UsageTotals } from "./usage-totals";
import { useUsageBreakdown, useUsageSeries } from "./use-usage";

export interface UsageViewProps {
  readonly spaceId: string;
  readonly currentUserId: string | null;
  readonly search: UsageSearch;
  readonly onSearchChange: (search: { from: string; to: string; group: UsageGroupBy }) => void;
}

/** Gateway usage of this space's organization: totals, charts over time, and a breakdown. */
export function UsageView({ spaceId, currentUserId, search, onSearchChange }: UsageViewProps) {
  const resolved = resolveUsageRange(search);
  const { range } = resolved;
  const series = useUsageSeries(spaceId, range, resolved.ok);
  const hasCalls = (series.data?.totals.requests ?? 0) > 0;
  const breakdown = useUsageBreakdown(spaceId, range, range.group, resolved.ok && hasCalls);
  const nameOf = useGroupNamer(spaceId, range.group, currentUserId);
  const buckets = useMemo(() => (series.data ? fillBuckets(series.data) : []), [series.data]);

  return (
    <>
      <PageHeader
        title="Usage"
        description="Calls through the LLM gateway. Owners and admins of this space see the whole organization; members see their own calls."
      />
      <UsageFilters
        range={range}
        error={resolved.ok ? undefined : resolved.error}
        onChange={onSearchChange}
      />
      {!resolved.ok ? (
        <Notice tone="warning">{resolved.error}</Notice>
      ) : series.isPending ? (
        <Spinner label="Loading usage" />
      ) : series.error ? (
        <ErrorMessage error={series.error} title="Usage could not be loaded" />
      ) : !hasCalls ? (
        <EmptyState title="No gateway calls in this range">
          Try a wider range, or make a first call: create an{" "}
          <Link
            to="/s/$spaceId/api-keys"
            params={{ spaceId }}
            className="text-blue-700 underline dark:text-blue-300"
          >
            API key
          </Link>{" "}
          or send a message from the{" "}
          <Link
            to="/s/$spaceId/playground"
            params={{ spaceId }}
            className="text-blue-700 underline dark:text-blue-300"
          >
            playground
          </Link>
          .
        </EmptyState>
      ) : (
        <>
          <UsageTotals totals={series.data.totals} />
          <UsageCharts buckets={buckets} />
          <UsageBreakdown
            group={range.group}
            onGroupChange={(group) => onSearchChange({ ...range, group })}
            groups={breakdown.data}
            loading={breakdown.isPending}
            error={breakdown.error}
            nameOf={nameOf}
          />
        </>
      )}
    </>
  );
}
