import type {
  UsageCounters,
  UsageGranularity,
  UsageGroupBy,
  UsageQuery,
  UsageResponse,
} from "@tributary/contracts";
import { AppError, assertNever } from "../../platform/errors/index.js";
import type { Sql } from "../../platform/sql/index.js";

/** Names for a tenant's api_key, user or space group values (identity's `usageGroupLabels`). */
export type LabelGroups = (
  tenantId: string,
  group: "api_key" | "user" | "space",
  ids: readonly string[],
) => Promise<ReadonlyMap<string, string>>;

/** Who asks, and how much of the tenant they may see. */
export interface UsageViewer {
  readonly tenantId: string;
  readonly userId: string;
  /** Owners and admins of a space see the whole tenant; everyone else only their own calls. */
  readonly seesWholeTenant: boolean;
  /** An API key bound to one space sees only that space's calls. */
  readonly restrictedToSpaceId: string | null;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const maxRange: Record<UsageGranularity, number> = { hour: 31 * dayMs, day: 366 * dayMs };
/** Series points (bucket × group) one answer may hold. */
const maxPoints = 20_000;

interface AggregateRow {
  bucket_start: Date | null;
  grp: string | null;
  is_total_of_bucket: number;
  is_total_of_group: number;
  requests: number;
  input_tokens: number | null;
  cached_input_tokens: number | null;
  cache_write_tokens: number | null;
  output_tokens: number | null;
  reasoning_tokens: number | null;
  cost_usd: string | null;
  errors: number;
  cache_hits: number;
}

/**
 * Totals and a time series of the tenant's gateway usage, bucketed by UTC hour or day with
 * `date_trunc`, optionally split by one dimension. One query with grouping sets gives the
 * series, the per-group totals and the grand total, all summed exactly by PostgreSQL.
 */
export async function queryUsage(
  sql: Sql,
  viewer: UsageViewer,
  query: UsageQuery,
  now: Date = new Date(),
  labelGroups?: LabelGroups,
): Promise<UsageResponse> {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - dayMs);
  if (from.getTime() >= to.getTime()) {
    throw new AppError("VALIDATION_ERROR", "`from` must be before `to`", { details: { field: "from" } });
  }
  const span = to.getTime() - from.getTime();
  const granularity = query.granularity ?? (span <= 2 * dayMs ? "hour" : "day");
  if (span > maxRange[granularity]) {
    throw new AppError(
      "VALIDATION_ERROR",
      `A ${granularity} series covers at most ${maxRange[granularity] / dayMs} days; narrow the range` +
        (granularity === "hour" ? " or use granularity=day" : ""),
      { details: { field: "from" } },
    );
  }
  if (!viewer.seesWholeTenant && query.user_id !== undefined && query.user_id !== viewer.userId) {
    throw new AppError("FORBIDDEN", "Only owners and admins of the space see other users' usage", {
      details: { field: "user_id" },
    });
  }
  const restrictedSpace = viewer.restrictedToSpaceId;
  if (restrictedSpace !== null && query.space_id !== undefined && query.space_id !== restrictedSpace) {
    throw new AppError("FORBIDDEN", "This API key sees only the usage of its own space", {
      details: { field: "space_id" },
    });
  }

  const params: unknown[] = [viewer.tenantId, from, to, granularity];
  const where = ["tenant_id = $1", "created_at >= $2", "created_at < $3"];
  const filter = (column: string, value: string | undefined) => {
    if (value !== undefined) where.push(`${column} = $${params.push(value)}`);
  };
  filter("model", query.model);
  filter("api_key_id", query.api_key_id);
  filter("user_id", viewer.seesWholeTenant ? query.user_id : viewer.userId);
  filter("space_id", restrictedSpace ?? query.space_id);
  filter("status", query.status);

  const groupBy = query.group_by ?? null;
  const groupExpression = groupBy ? groupColumn(groupBy) : "NULL::text";
  // Without a dimension `grp` is always NULL, so (bucket_start, grp) is simply the bucket.
  const sets = groupBy ? "((bucket_start, grp), (grp), ())" : "((bucket_start, grp), ())";
  const rows = await sql.withTenant(viewer.tenantId, (tx) =>
    tx.query<AggregateRow>(
      `WITH r AS (
         SELECT date_trunc($4, created_at, 'UTC') AS bucket_start, ${groupExpression} AS grp,
                input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens,
                cost_usd, status, cache_hit
         FROM usage_records WHERE ${where.join(" AND ")}
       )
       SELECT bucket_start, grp,
              GROUPING(bucket_start) AS is_total_of_bucket, GROUPING(grp) AS is_total_of_group,
              count(*)::int AS requests,
              sum(input_tokens)::bigint AS input_tokens,
              sum(cached_input_tokens)::bigint AS cached_input_tokens,
              sum(cache_write_tokens)::bigint AS cache_write_tokens,
              sum(output_tokens)::bigint AS output_tokens,
              sum(reasoning_tokens)::bigint AS reasoning_tokens,
              sum(cost_usd)::text AS cost_usd,
              (count(*) FILTER (WHERE status <> 'success'))::int AS errors,
              (count(*) FILTER (WHERE cache_hit))::int AS cache_hits
       FROM r
       GROUP BY GROUPING SETS ${sets}
       ORDER BY GROUPING(bucket_start) DESC, bucket_start, sum(cost_usd) DESC, grp
       LIMIT ${maxPoints + 1}`,
      params,
    ),
  );

  let totals = zeroCounters();
  const series: UsageResponse["series"] = [];
  const groups: NonNullable<UsageResponse["groups"]> = [];
  for (const row of rows) {
    const counters = toCounters(row);
    if (row.is_total_of_bucket === 1 && (groupBy === null || row.is_total_of_group === 1)) totals = counters;
    else if (row.is_total_of_bucket === 1) groups.push({ group: row.grp, ...counters });
    else if (row.bucket_start) {
      series.push({
        bucket_start: row.bucket_start.toISOString(),
        ...(groupBy ? { group: row.grp } : {}),
        ...counters,
      });
    }
  }
  if (rows.length > maxPoints) {
    throw new AppError(
      "VALIDATION_ERROR",
      "Too many series points for one answer; narrow the range, use granularity=day or filter",
      { details: { max_points: maxPoints } },
    );
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    granularity,
    group_by: groupBy,
    totals,
    series,
    ...(groupBy ? { groups: await labelled(groups, viewer.tenantId, groupBy, labelGroups) } : {}),
  };
}

/** Groups of keys, users and spaces get their names; models and providers are their own names. */
async function labelled(
  groups: NonNullable<UsageResponse["groups"]>,
  tenantId: string,
  groupBy: UsageGroupBy,
  labelGroups: LabelGroups | undefined,
): Promise<NonNullable<UsageResponse["groups"]>> {
  if (!labelGroups || groupBy === "model" || groupBy === "provider") return groups;
  const ids = groups.flatMap((group) => (group.group === null ? [] : [group.group]));
  const labels = await labelGroups(tenantId, groupBy, ids);
  return groups.map((group) => ({
    ...group,
    label: group.group === null ? null : (labels.get(group.group) ?? null),
  }));
}

function groupColumn(groupBy: UsageGroupBy): string {
  switch (groupBy) {
    case "model":
      return "model";
    case "provider":
      return "provider";
    case "space":
      return "space_id";
    case "user":
      return "user_id::text";
    case "api_key":
      return "api_key_id::text";
    default:
      return assertNever(groupBy);
  }
}

function toCounters(row: AggregateRow): UsageCounters {
  return {
    requests: row.requests,
    input_tokens: row.input_tokens ?? 0,
    cached_input_tokens: row.cached_input_tokens ?? 0,
    cache_write_tokens: row.cache_write_tokens ?? 0,
    output_tokens: row.output_tokens ?? 0,
    reasoning_tokens: row.reasoning_tokens ?? 0,
    cost_usd: Number(row.cost_usd ?? 0),
    errors: row.errors,
    cache_hits: row.cache_hits,
  };
}

function zeroCounters(): UsageCounters {
  return {
    requests: 0,
    input_tokens: 0,
    cached_input_tokens: 0,
    cache_write_tokens: 0,
    output_tokens: 0,
    reasoning_tokens: 0,
    cost_usd: 0,
    errors: 0,
    cache_hits: 0,
  };
}
