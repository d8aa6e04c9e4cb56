import { describe, expect, it } from "vitest";
import { buildCreateApiKeyRequest, emptyApiKeyForm } from "./api-key-form-values";

const now = new Date("2026-03-10T12:00:00Z");

describe("buildCreateApiKeyRequest", () => {
  it("builds the smallest request: name, scopes and the current space", () => {
    const result = buildCreateApiKeyRequest({ ...emptyApiKeyForm, name: "  CI bot " }, "space_1", now);
    expect(result).toEqual({
      ok: true,
      request: { name: "CI bot", scopes: ["gateway:invoke"], space_id: "space_1" },
    });
  });

  it("sends the limits that were filled in, with the budget mode only when a budget is set", () => {
    const result = buildCreateApiKeyRequest(
      {
        ...emptyApiKeyForm,
        name: "app",
        onlyThisSpace: false,
        rpm: "60",
        budgetMonthlyUsd: "$12.5",
        budgetMode: "soft",
        allowedModels: "gpt-4o-mini, claude\nlocal/llama",
        cache: true,
        guardrailPolicy: "redact",
      },
      "space_1",
      now,
    );
    expect(result).toEqual({
      ok: true,
      request: {
        name: "app",
        scopes: ["gateway:invoke"],
        gateway: {
          rpm: 60,
          budget_monthly_usd: 12.5,
          budget_mode: "soft",
          allowed_models: ["gpt-4o-mini", "claude", "local/llama"],
          cache: true,
          guardrail_policy: "redact",
        },
      },
    });
  });

  it("says what is wrong with each field", () => {
    const result = buildCreateApiKeyRequest(
      {
        ...emptyApiKeyForm,
        name: " ",
        scopes: [],
        rpm: "1.5",
        budgetDailyUsd: "0",
        expiresOn: "2026-03-09",
        allowedModels: "a, a",
      },
      "space_1",
      now,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      "allowedModels",
      "budgetDailyUsd",
      "expiresOn",
      "name",
      "rpm",
      "scopes",
    ]);
  });

  it("expires at the end of the chosen day", () => {
    const result = buildCreateApiKeyRequest(
      { ...emptyApiKeyForm, name: "k", expiresOn: "2026-04-01" },
      "space_1",
      now,
    );
    expect(result.ok && new Date(result.request.expires_at ?? "").getDate()).toBe(1);
  });
});
