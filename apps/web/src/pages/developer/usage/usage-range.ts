import type { UsageCounters, UsageGroupBy, UsageResponse } from "@tributary/contracts";
import type { UsageSearch } from "../../../lib/search-params";

/** The dimensions `GET /api/v1/usage` can group by, named for people; a Record keeps it in step with the contract. */
export const groupLabels: Record<UsageGroupBy, string> = {
  model: "Model",
  provider: "Provider",
  api_key: "API key",
  user: "User",
  space: "Space",
};

/** Headings of the breakdown, per dimension. */
export const groupHeadings: Record<UsageGroupBy, string> = {
  model: "By model",
  provider: "By provider",
  api_key: "By API key",
  user: "By user",
  space: "By space",
};

export const defaultRangeDays = 30;
const dayMs = 86_400_000;
const maxRangeDays = 366;

/** The page's range in whole UTC days (the API's buckets are UTC), both ends included. */
export interface UsageRange {
  readonly from: string;
  readonly to: string;
  readonly group: UsageGroupBy;
}

export type ResolvedRange =
  | { readonly ok: true; readonly range: UsageRange }
  | { readonly ok: false; readonly range: UsageRange; readonly error: string };

/** Fills what the URL leaves out (the last 30 days, by model) and checks what it holds. */
export function resolveUsageRange(search: UsageSearch, today: Date = new Date()): ResolvedRange {
  const defaultTo = utcDate(today);
  const defaultFrom = utcDate(new Date(today.getTime() - (defaultRangeDays - 1) * dayMs));
  const from = isDate(search.from) ? search.from : defaultFrom;
  const to = isDate(search.to) ? search.to : defaultTo;
  const group = isGroup(search.group) ? search.group : "model";
  const range = { from, to, group };
  if (from > to) return { ok: false, range, error: "The start date must be on or before the end date." };
  if (daysBetween(from, to) + 1 > maxRangeDays) {
    return { ok: false, range, error: `Choose at most ${maxRangeDays} days.` };
  }
  return { ok: true, range };
}

/** The API's half-open interval: from the first day's start to the day after the last. */
export function toApiInterval(range: UsageRange): { from: string; to: string } {
  return { from: `${range.from}T00:00:00.000Z`, to: `${addDays(range.to, 1)}T00:00:00.000Z` };
}

export interface Bucket {
  readonly start: string;
  readonly label: string;
  readonly counters: UsageCounters;
}

/**
 * Every bucket of the answer's range, in order. The API leaves out buckets without calls; a chart
 * must show them as zero, or a quiet week would vanish from the time axis.
 */
export function fillBuckets(response: UsageResponse): Bucket[] {
  const step = response.granularity === "hour" ? 3_600_000 : dayMs;
  const byStart = new Map(response.series.map((point) => [new Date(point.bucket_start).getTime(), point]));
  const format = new Intl.DateTimeFormat(undefined, {
    month: "short",
    day: "numeric",
    ...(response.granularity === "hour" ? { hour: "2-digit", minute: "2-digit" } : {}),
    timeZone: "UTC",
  });
  const first = Math.floor(new Date(response.from).getTime() / step) * step;
  const end = new Date(response.to).getTime();
  const buckets: Bucket[] = [];
  for (let start = first; start < end && buckets.length < 10_000; start += step) {
    const point = byStart.get(start);
    buckets.push({
      start: new Date(start).toISOString(),
      label: format.format(start),
      counters: point ?? zero,
    });
  }
  return buckets;
}

const zero: UsageCounters = {
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

export function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return utcDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

function isDate(value: string | undefined): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

function isGroup(value: string | undefined): value is UsageGroupBy {
  return value !== undefined && Object.hasOwn(groupLabels, value);
}
