import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { UsageResponse } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, page, renderWithRouter, stubFetch } from "../../../testing/component-test-utils";
import { UsageView } from "./usage-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const counters = (requests: number, cost: number) => ({
  requests,
  input_tokens: requests * 100,
  cached_input_tokens: 0,
  cache_write_tokens: 0,
  output_tokens: requests * 10,
  reasoning_tokens: 0,
  cost_usd: cost,
  errors: 0,
  cache_hits: 0,
});

function usageAnswer(url: URL): UsageResponse {
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "";
  const base = { from, to, granularity: "day" as const, totals: counters(3, 1.5) };
  if (url.searchParams.get("group_by") === "api_key") {
    return {
      ...base,
      group_by: "api_key",
      series: [],
      groups: [
        { group: "0190a000-0000-7000-8000-000000000001", ...counters(2, 1) },
        // A colleague's key: not among the caller's own, named by the API.
        {
          group: "0190a000-0000-7000-8000-000000000002",
          label: "nightly-batch (trk_nb…)",
          ...counters(1, 0.4),
        },
        { group: null, label: null, ...counters(1, 0.5) },
      ],
    };
  }
  return {
    ...base,
    group_by: null,
    series: [{ bucket_start: `${from.slice(0, 10)}T00:00:00.000Z`, ...counters(3, 1.5) }],
  };
}

function renderUsage(empty = false, search = { from: "2026-03-01", to: "2026-03-07", group: "api_key" }) {
  const calls = stubFetch(({ url }) => {
    const parsed = new URL(url, "http://localhost");
    if (parsed.pathname === "/api/v1/usage") {
      return empty
        ? json({ from: "", to: "", granularity: "day", group_by: null, totals: counters(0, 0), series: [] })
        : json(usageAnswer(parsed));
    }
    if (parsed.pathname === "/api/v1/api-keys") {
      return json(page([{ id: "0190a000-0000-7000-8000-000000000001", name: "CI", prefix: "trk_ci" }]));
    }
    if (parsed.pathname === "/api/v1/spaces") return json(page([]));
    return undefined;
  });
  const onSearchChange = vi.fn();
  const view = renderWithRouter(
    <UsageView spaceId="space_1" currentUserId="u1" search={search} onSearchChange={onSearchChange} />,
  );
  return { calls, onSearchChange, view };
}

describe("UsageView", () => {
  it("shows totals, charts and a breakdown with key names", async () => {
    const { calls } = renderUsage();
    expect((await screen.findByTestId("usage-total-requests")).textContent).toBe("3");
    expect(screen.getByTestId("usage-total-cost").textContent).toBe("$1.50");
    expect(screen.getByRole("img", { name: /Requests/ })).toBeTruthy();
    expect(screen.getByRole("img", { name: /Cost/ })).toBeTruthy();
    const breakdown = await screen.findByTestId("usage-breakdown");
    await waitFor(() => expect(breakdown.textContent).toContain("CI (trk_ci…)"));
    expect(breakdown.textContent).toContain("Signed-in sessions (no key)");
    expect(breakdown.textContent).toContain("nightly-batch (trk_nb…)");
    const usageCall = calls.find((call) => call.url.includes("group_by=api_key"));
    expect(usageCall?.headers["x-space-id"]).toBe("space_1");
    expect(usageCall?.url).toContain("from=2026-03-01T00%3A00%3A00.000Z");
    expect(usageCall?.url).toContain("to=2026-03-08T00%3A00%3A00.000Z");
  });

  it("puts a new grouping in the URL", async () => {
    const { onSearchChange } = renderUsage();
    fireEvent.change(await screen.findByLabelText("Break down by"), { target: { value: "user" } });
    expect(onSearchChange).toHaveBeenCalledWith({ from: "2026-03-01", to: "2026-03-07", group: "user" });
  });

  it("says what to do when there were no calls", async () => {
    renderUsage(true);
    expect(await screen.findByText("No gateway calls in this range")).toBeTruthy();
    expect(screen.getByRole("link", { name: "playground" }).getAttribute("href")).toBe(
      "/s/space_1/playground",
    );
  });

  it("explains a reversed range instead of calling the API", async () => {
    const { calls } = renderUsage(false, { from: "2026-03-09", to: "2026-03-01", group: "model" });
    expect((await screen.findAllByText(/on or before the end date/)).length).toBeGreaterThan(0);
    expect(calls.some((call) => call.url.startsWith("/api/v1/usage"))).toBe(false);
  });
});
