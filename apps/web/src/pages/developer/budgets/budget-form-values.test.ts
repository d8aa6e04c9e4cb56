import type { Budget } from "@tributary/contracts";
import { describe, expect, it } from "vitest";
import {
  budgetFormFromBudget,
  buildCreateBudgetRequest,
  buildUpdateBudgetRequest,
  emptyBudgetForm,
  otherTarget,
} from "./budget-form-values";

const budget: Budget = {
  id: "0190a000-0000-7000-8000-0000000000b1",
  tenant_id: "tenant_1",
  scope: "space",
  scope_id: "space_1",
  period: "month",
  limit_usd: 50,
  mode: "hard",
  alert_threshold: 0.8,
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:00Z",
  spend: {
    spent_usd: 12,
    period_start: "2026-03-01T00:00:00.000Z",
    period_end: "2026-04-01T00:00:00.000Z",
    remaining_usd: 38,
  },
};

describe("buildCreateBudgetRequest", () => {
  it("sends a tenant budget without scope_id, the percentage as a fraction", () => {
    const result = buildCreateBudgetRequest({
      ...emptyBudgetForm,
      limitUsd: " $1,250.5 ",
      alertPercent: "75%",
    });
    expect(result).toEqual({
      ok: true,
      request: { scope: "tenant", period: "month", limit_usd: 1250.5, mode: "hard", alert_threshold: 0.75 },
    });
  });

  it("sends the picked space, or a user id typed in (lower-cased), with the chosen period and mode", () => {
    expect(
      buildCreateBudgetRequest({
        ...emptyBudgetForm,
        scope: "space",
        target: "space_42",
        period: "day",
        limitUsd: "5",
        mode: "soft",
        alertPercent: "12.5",
      }),
    ).toEqual({
      ok: true,
      request: {
        scope: "space",
        scope_id: "space_42",
        period: "day",
        limit_usd: 5,
        mode: "soft",
        alert_threshold: 0.125,
      },
    });
    const typed = buildCreateBudgetRequest({
      ...emptyBudgetForm,
      scope: "user",
      target: otherTarget,
      targetId: " 0190A000-0000-7000-8000-0000000000AA ",
      limitUsd: "0",
    });
    expect(typed.ok && typed.request.scope_id).toBe("0190a000-0000-7000-8000-0000000000aa");
    expect(typed.ok && typed.request.limit_usd).toBe(0);
  });

  it("says what is wrong with each field", () => {
    const result = buildCreateBudgetRequest({
      ...emptyBudgetForm,
      scope: "api_key",
      target: "",
      limitUsd: "lots",
      alertPercent: "0",
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        target: "Choose an API key",
        limitUsd: "An amount from 0 to 1,000,000",
        alertPercent: "A percentage above 0 and at most 100",
      },
    });
    const badId = buildCreateBudgetRequest({
      ...emptyBudgetForm,
      scope: "user",
      target: otherTarget,
      targetId: "bob",
      limitUsd: "1",
    });
    expect(badId.ok ? null : Object.keys(badId.errors)).toEqual(["targetId"]);
    const tooMuch = buildCreateBudgetRequest({ ...emptyBudgetForm, limitUsd: "1000001" });
    expect(tooMuch.ok).toBe(false);
  });
});

describe("buildUpdateBudgetRequest", () => {
  it("shows a budget's fraction as a percentage and round-trips it unchanged", () => {
    const values = budgetFormFromBudget({ ...budget, alert_threshold: 0.333 });
    expect(values.alertPercent).toBe("33.3");
    expect(values.limitUsd).toBe("50");
    expect(buildUpdateBudgetRequest({ ...budget, alert_threshold: 0.333 }, values)).toEqual({
      ok: true,
      request: null,
    });
  });

  it("sends only what changed", () => {
    const values = { ...budgetFormFromBudget(budget), limitUsd: "75", mode: "soft" as const };
    expect(buildUpdateBudgetRequest(budget, values)).toEqual({
      ok: true,
      request: { limit_usd: 75, mode: "soft" },
    });
    expect(buildUpdateBudgetRequest(budget, { ...budgetFormFromBudget(budget), alertPercent: "90" })).toEqual(
      {
        ok: true,
        request: { alert_threshold: 0.9 },
      },
    );
  });
});
