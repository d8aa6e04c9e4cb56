import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Budget, Space } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  json,
  page,
  type RecordedCall,
  renderWithQuery,
  stubFetch,
} from "../../../testing/component-test-utils";
import { BudgetsView } from "./budgets-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const tenantBudget: Budget = {
  id: "0190a000-0000-7000-8000-0000000000b1",
  tenant_id: "tenant_1",
  scope: "tenant",
  scope_id: "tenant_1",
  period: "month",
  limit_usd: 100,
  mode: "hard",
  alert_threshold: 0.8,
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:00Z",
  spend: {
    spent_usd: 84.2,
    period_start: "2026-03-01T00:00:00.000Z",
    period_end: "2026-04-01T00:00:00.000Z",
    remaining_usd: 15.8,
  },
};

const spaceBudget: Budget = {
  ...tenantBudget,
  id: "0190a000-0000-7000-8000-0000000000b2",
  scope: "space",
  scope_id: "space_1",
  period: "day",
  limit_usd: 10,
  mode: "soft",
  alert_threshold: 0.5,
  spend: {
    spent_usd: 9.5,
    period_start: "2026-03-14T00:00:00.000Z",
    period_end: "2026-03-15T00:00:00.000Z",
    remaining_usd: 0.5,
  },
};

const space: Space = {
  id: "space_1",
  tenant_id: "tenant_1",
  name: "Research",
  description: "",
  space_type: "organization",
  status: "active",
  visibility: "private",
  owner_user_id: null,
  organization_id: null,
  settings: {},
  role: "owner",
  is_default: false,
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:00Z",
};

type Route = (call: RecordedCall) => Response | undefined;

function renderView(budgets: Budget[] | Response, extra: Route = () => undefined) {
  const calls = stubFetch((call) => {
    const answer = extra(call);
    if (answer) return answer;
    const { method, url } = call;
    if (method === "GET" && url === "/api/v1/gateway/budgets") {
      return budgets instanceof Response ? budgets : json({ data: budgets });
    }
    if (method === "GET" && url.startsWith("/api/v1/spaces/space_1/members")) return json(page([]));
    if (method === "GET" && url.startsWith("/api/v1/spaces")) return json(page([space]));
    if (method === "GET" && url.startsWith("/api/v1/api-keys")) return json(page([]));
    return undefined;
  });
  renderWithQuery(<BudgetsView spaceId="space_1" />);
  return calls;
}

describe("BudgetsView", () => {
  it("shows each budget's spending against its limit, coloured by how close it is", async () => {
    const calls = renderView([tenantBudget, spaceBudget]);
    const rows = await screen.findAllByTestId("budget-row");
    expect(rows).toHaveLength(2);
    const [tenantRow, spaceRow] = rows as [HTMLElement, HTMLElement];

    const tenantSpend = await within(tenantRow).findByText(/of \$100\.00 spent/);
    expect(tenantSpend.closest("[data-testid=budget-spend]")?.getAttribute("data-level")).toBe("near");
    expect(tenantRow.textContent).toContain("$84.20");
    expect(tenantRow.textContent).toContain("84% · Near the limit");
    expect(tenantRow.textContent).toContain("Block calls");
    expect(tenantRow.textContent).toContain("80% ($80.00)");
    const bar = within(tenantRow).getByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("84");
    expect(bar.getAttribute("aria-valuetext")).toBe("$84.20 of $100.00 spent (84%)");

    // $9.50 of a $10 soft budget alerting at 50%.
    await within(spaceRow).findByText(/of \$10\.00 spent/);
    expect(spaceRow.textContent).toContain("Research");
    expect(spaceRow.textContent).toContain("$9.50");
    expect(spaceRow.textContent).toContain("95% · Near the limit");
    expect(spaceRow.textContent).toContain("Alert only");

    // The budgets say what they have spent: nothing is summed from the usage API.
    expect(calls.some((call) => call.url.startsWith("/api/v1/usage"))).toBe(false);
  });

  it("marks a spent hard budget as refusing calls", async () => {
    renderView([{ ...tenantBudget, limit_usd: 50, spend: { ...tenantBudget.spend, remaining_usd: 0 } }]);
    await waitFor(() => expect(screen.getByTestId("budget-spend").getAttribute("data-level")).toBe("over"));
    expect(screen.getByTestId("budget-spend").textContent).toContain(
      "168% · Limit reached: calls are refused",
    );
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
  });

  it("says what to do first when there is no budget", async () => {
    renderView([]);
    expect(await screen.findByRole("heading", { name: "Set your first budget" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Create your first budget" })).toBeTruthy();
  });

  it("shows the API's message on a 403, and offers no create button", async () => {
    renderView(
      json(
        {
          error: {
            code: "FORBIDDEN",
            message: "Your role (member) in this space does not allow managing budgets",
          },
        },
        403,
      ),
    );
    const error = await screen.findByTestId("budgets-error");
    expect(error.textContent).toContain("Your role (member) in this space does not allow managing budgets");
    expect(error.textContent).toContain("Ask an owner or admin of this space for access.");
    expect(screen.queryByTestId("create-budget")).toBeNull();
  });

  it("creates a space budget from the form's values", async () => {
    const calls = renderView([], ({ method, body }) =>
      method === "POST" ? json({ ...spaceBudget, ...(body as object) }, 201) : undefined,
    );
    await screen.findByText("Set your first budget");
    fireEvent.click(screen.getByTestId("create-budget"));
    fireEvent.change(screen.getByLabelText("Applies to"), { target: { value: "space" } });
    await waitFor(() => expect((screen.getByLabelText("Space") as HTMLSelectElement).value).toBe("space_1"));
    fireEvent.change(screen.getByLabelText("Period"), { target: { value: "day" } });
    fireEvent.change(screen.getByLabelText("Limit (USD)"), { target: { value: "12.50" } });
    fireEvent.change(screen.getByLabelText("Alert at (% of the limit)"), { target: { value: "90" } });
    fireEvent.click(screen.getByRole("radio", { name: /Alert only/ }));
    fireEvent.click(screen.getByTestId("save-budget"));
    await waitFor(() => expect(calls.some((call) => call.method === "POST")).toBe(true));
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      scope: "space",
      scope_id: "space_1",
      period: "day",
      limit_usd: 12.5,
      mode: "soft",
      alert_threshold: 0.9,
    });
  });

  it("edits only what changed, and deletes after confirmation", async () => {
    const calls = renderView([tenantBudget], ({ method, body }) => {
      if (method === "PATCH") return json({ ...tenantBudget, ...(body as object) });
      if (method === "DELETE") return json(null, 204);
      return undefined;
    });
    fireEvent.click(await screen.findByRole("button", { name: /^Edit Whole tenant/ }));
    expect((screen.getByLabelText("Limit (USD)") as HTMLInputElement).value).toBe("100");
    expect((screen.getByLabelText("Alert at (% of the limit)") as HTMLInputElement).value).toBe("80");
    fireEvent.change(screen.getByLabelText("Limit (USD)"), { target: { value: "150" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(calls.some((call) => call.method === "PATCH")).toBe(true));
    const patch = calls.find((call) => call.method === "PATCH");
    expect(patch?.url).toBe(`/api/v1/gateway/budgets/${tenantBudget.id}`);
    expect(patch?.body).toEqual({ limit_usd: 150 });

    fireEvent.click(screen.getByRole("button", { name: /^Delete Whole tenant/ }));
    fireEvent.click(screen.getByRole("button", { name: "Delete budget" }));
    await waitFor(() => expect(calls.some((call) => call.method === "DELETE")).toBe(true));
    expect(calls.find((call) => call.method === "DELETE")?.url).toBe(
      `/api/v1/gateway/budgets/${tenantBudget.id}`,
    );
  });
});
