import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { BarChart } from "./bar-chart";
import { summarizeChart } from "./chart-summary";
import { chartColors } from "./chart-types";

afterEach(cleanup);

const labels = ["Mar 1", "Mar 2", "Mar 3"];
const series = [
  { name: "Input", values: [1, 5, 2], fillClass: chartColors.blue },
  { name: "Output", values: [0, 3, 1], fillClass: chartColors.emerald },
];

describe("BarChart", () => {
  it("names itself and summarizes its data for screen readers", () => {
    render(<BarChart title="Tokens" labels={labels} series={series} formatValue={String} />);
    const chart = screen.getByRole("img", { name: /Tokens/ });
    expect(chart.textContent).toContain("Mar 1 to Mar 3: 12 in total; highest 8 on Mar 2.");
  });

  it("offers every number in a data table", () => {
    render(<BarChart title="Tokens" labels={labels} series={series} formatValue={String} />);
    const table = screen.getByRole("table", { name: "Tokens" });
    const rows = table.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toBe("Mar 2538");
  });

  it("draws one bar per bucket and series, tallest at full height", () => {
    const { container } = render(
      <BarChart title="Tokens" labels={labels} series={series} formatValue={String} />,
    );
    const rects = [...container.querySelectorAll("svg[role=img] rect")];
    expect(rects).toHaveLength(6);
    const heights = rects.map((rect) => Number(rect.getAttribute("height")));
    expect((heights[2] ?? 0) + (heights[3] ?? 0)).toBeCloseTo(160);
  });
});

describe("summarizeChart", () => {
  it("says when there is nothing to show", () => {
    expect(summarizeChart([], [], String)).toBe("No data in this range.");
    expect(summarizeChart(["a", "b"], [{ name: "x", values: [0, 0], fillClass: "" }], String)).toBe(
      "a to b: none.",
    );
  });
});
