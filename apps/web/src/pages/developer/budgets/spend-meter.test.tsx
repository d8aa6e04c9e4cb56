import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SpendMeter } from "./spend-meter";

afterEach(cleanup);

const base = { limitUsd: 20, alertThreshold: 0.8, mode: "hard" as const, label: "Spent of Space: Research" };

describe("SpendMeter", () => {
  it("shows spent of limit, in words and as a labelled bar", () => {
    render(<SpendMeter {...base} spentUsd={4} />);
    const meter = screen.getByTestId("budget-spend");
    expect(meter.getAttribute("data-level")).toBe("ok");
    expect(meter.textContent).toContain("$4.00 of $20.00 spent");
    expect(meter.textContent).toContain("20% · Within budget");
    const bar = screen.getByRole("progressbar", { name: "Spent of Space: Research" });
    expect(bar.getAttribute("aria-valuenow")).toBe("20");
    expect(bar.getAttribute("aria-valuetext")).toBe("$4.00 of $20.00 spent (20%)");
  });

  it("turns to near at the alert threshold and over at the limit, saying what happens", () => {
    const { rerender } = render(<SpendMeter {...base} spentUsd={16} />);
    expect(screen.getByTestId("budget-spend").getAttribute("data-level")).toBe("near");
    rerender(<SpendMeter {...base} mode="soft" spentUsd={25} />);
    const meter = screen.getByTestId("budget-spend");
    expect(meter.getAttribute("data-level")).toBe("over");
    expect(meter.textContent).toContain("125% · Over the limit (alert only)");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
  });

  it("treats any spending under a $0 limit as over", () => {
    const { rerender } = render(<SpendMeter {...base} limitUsd={0} spentUsd={0} />);
    expect(screen.getByTestId("budget-spend").getAttribute("data-level")).toBe("ok");
    rerender(<SpendMeter {...base} limitUsd={0} spentUsd={0.5} />);
    expect(screen.getByTestId("budget-spend").textContent).toContain("Limit reached: calls are refused");
  });
});
