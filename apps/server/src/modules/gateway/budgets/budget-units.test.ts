import { describe, expect, it } from "vitest";
import { periodWindow } from "./budget-period.js";
import { fromNanoUsd, toNanoUsd } from "./usd-units.js";

describe("periodWindow", () => {
  it("gives the UTC day and month around a time, across day and month ends", () => {
    const times = [
      "2026-01-31T23:59:59.999Z",
      "2026-02-01T00:00:00.000Z",
      "2026-01-31T12:00:00.000Z",
      "2024-02-29T08:00:00.000Z",
      "2026-12-31T23:00:00.000Z",
      "2027-01-01T00:00:00.001Z",
      "1969-12-31T23:59:59.000Z",
    ];
    const seen = times.map((time) => {
      const now = new Date(time);
      const day = periodWindow("day", now);
      const month = periodWindow("month", now);
      return [
        time,
        day.label,
        day.start.toISOString(),
        day.end.toISOString(),
        month.label,
        month.end.toISOString(),
      ];
    });
    expect(seen).toEqual([
      [
        "2026-01-31T23:59:59.999Z",
        "2026-01-31",
        "2026-01-31T00:00:00.000Z",
        "2026-02-01T00:00:00.000Z",
        "2026-01",
        "2026-02-01T00:00:00.000Z",
      ],
      [
        "2026-02-01T00:00:00.000Z",
        "2026-02-01",
        "2026-02-01T00:00:00.000Z",
        "2026-02-02T00:00:00.000Z",
        "2026-02",
        "2026-03-01T00:00:00.000Z",
      ],
      [
        "2026-01-31T12:00:00.000Z",
        "2026-01-31",
        "2026-01-31T00:00:00.000Z",
        "2026-02-01T00:00:00.000Z",
        "2026-01",
        "2026-02-01T00:00:00.000Z",
      ],
      [
        "2024-02-29T08:00:00.000Z",
        "2024-02-29",
        "2024-02-29T00:00:00.000Z",
        "2024-03-01T00:00:00.000Z",
        "2024-02",
        "2024-03-01T00:00:00.000Z",
      ],
      [
        "2026-12-31T23:00:00.000Z",
        "2026-12-31",
        "2026-12-31T00:00:00.000Z",
        "2027-01-01T00:00:00.000Z",
        "2026-12",
        "2027-01-01T00:00:00.000Z",
      ],
      [
        "2027-01-01T00:00:00.001Z",
        "2027-01-01",
        "2027-01-01T00:00:00.000Z",
        "2027-01-02T00:00:00.000Z",
        "2027-01",
        "2027-02-01T00:00:00.000Z",
      ],
      [
        "1969-12-31T23:59:59.000Z",
        "1969-12-31",
        "1969-12-31T00:00:00.000Z",
        "1970-01-01T00:00:00.000Z",
        "1969-12",
        "1970-01-01T00:00:00.000Z",
      ],
    ]);
  });

  it("refuses an invalid time", () => {
    expect(() => periodWindow("day", new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("toNanoUsd", () => {
  /** The definition: 15 significant digits, then rounded. */
  const byDefinition = (usd: number, rounding: "up" | "nearest") => {
    const scaled = Number((usd * 1e9).toPrecision(15));
    return rounding === "up" ? Math.ceil(scaled) : Math.round(scaled);
  };

  it("matches its definition for whole, fractional and huge amounts", () => {
    const amounts = [
      0,
      1e-9,
      3e-9,
      0.3,
      0.1 + 0.2,
      0.000073,
      1,
      1_000,
      10_000,
      123.456789012,
      999_999.999999999,
      1e6,
      2.5e6,
      9e6,
    ];
    for (const usd of amounts) {
      for (const rounding of ["up", "nearest"] as const) {
        expect(Object.is(toNanoUsd(usd, rounding), byDefinition(usd, rounding)), `${usd} ${rounding}`).toBe(
          true,
        );
      }
    }
    expect(toNanoUsd(0.3, "up")).toBe(300_000_000);
    expect(fromNanoUsd(toNanoUsd(1_000, "nearest"))).toBe(1_000);
  });

  it("refuses negative and non-finite amounts", () => {
    for (const usd of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => toNanoUsd(usd, "up")).toThrow(RangeError);
  });
});
