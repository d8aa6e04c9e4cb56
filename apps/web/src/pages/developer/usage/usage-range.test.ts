import type { UsageResponse } from "@tributary/contracts";
import { describe, expect, it } from "vitest";
import { fillBuckets, resolveUsageRange, toApiInterval } from "./usage-range";

const today = new Date("2026-03-31T15:00:00Z");

describe("resolveUsageRange", () => {
  it("defaults to the last 30 UTC days, by model", () => {
    expect(resolveUsageRange({}, today)).toEqual({
      ok: true,
      range: { from: "2026-03-02", to: "2026-03-31", group: "model" },
    });
  });

  it("keeps valid parameters and ignores garbage", () => {
    expect(
      resolveUsageRange({ from: "2026-01-01", to: "2026-01-07", group: "api_key" }, today).range,
    ).toEqual({
      from: "2026-01-01",
      to: "2026-01-07",
      group: "api_key",
    });
    expect(resolveUsageRange({ from: "yesterday", group: "colour" }, today).range).toMatchObject({
      from: "2026-03-02",
      group: "model",
    });
  });

  it("refuses a reversed or over-long range", () => {
    expect(resolveUsageRange({ from: "2026-03-10", to: "2026-03-01" }, today).ok).toBe(false);
    expect(resolveUsageRange({ from: "2024-01-01", to: "2026-03-01" }, today).ok).toBe(false);
  });
});

describe("toApiInterval", () => {
  it("covers both days whole", () => {
    expect(toApiInterval({ from: "2026-03-01", to: "2026-03-31", group: "model" })).toEqual({
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-04-01T00:00:00.000Z",
    });
  });
});

describe("fillBuckets", () => {
  it("adds the buckets the API left out, as zero", () => {
    const point = {
      requests: 2,
      input_tokens: 10,
      cached_input_tokens: 0,
      cache_write_tokens: 0,
      output_tokens: 5,
      reasoning_tokens: 0,
      cost_usd: 0.5,
      errors: 0,
      cache_hits: 0,
    };
    const response: UsageResponse = {
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-03-04T00:00:00.000Z",
      granularity: "day",
      group_by: null,
      totals: point,
      series: [{ bucket_start: "2026-03-02T00:00:00.000Z", ...point }],
    };
    const buckets = fillBuckets(response);
    expect(buckets.map((bucket) => [bucket.start.slice(0, 10), bucket.counters.requests])).toEqual([
      ["2026-03-01", 0],
      ["2026-03-02", 2],
      ["2026-03-03", 0],
    ]);
  });
});
