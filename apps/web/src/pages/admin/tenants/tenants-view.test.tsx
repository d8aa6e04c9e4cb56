import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { AdminTenant } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, page, renderWithQuery, stubFetch } from "../../../testing/component-test-utils";
import { TenantsView } from "./tenants-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const quotas = {
  files_per_hour: 100,
  storage_gb: 5,
  compute_hours: 10,
  api_requests_per_minute: 60,
  max_concurrent_jobs: 2,
  max_file_size: 1000,
  max_chunks_per_file: 500,
  vector_storage_gb: 1,
  document_quota: 100,
  notebook_quota: 10,
  monthly_processing_minutes: 600,
};

const tenant: AdminTenant = {
  id: "tenant_1700000000001",
  kind: "organization",
  name: "Acme",
  owner_user_id: null,
  plan: "free",
  status: "active",
  quotas,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};

describe("TenantsView", () => {
  it("shows a tenant and saves only what changed", async () => {
    const calls = stubFetch(({ method, body }) => {
      if (method === "GET") return json(page([tenant]));
      if (method === "PATCH") return json({ ...tenant, ...(body as object) });
      return undefined;
    });
    renderWithQuery(<TenantsView />);
    fireEvent.click(await screen.findByRole("button", { name: "View Acme" }));
    const dialogPlan = screen.getAllByLabelText("Plan").at(-1) as HTMLSelectElement;
    fireEvent.change(dialogPlan, { target: { value: "pro" } });
    expect(screen.getByText(/resets the quotas/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Documents"), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(calls.some((call) => call.method === "PATCH")).toBe(true));
    const patch = calls.find((call) => call.method === "PATCH");
    expect(patch?.url).toBe("/api/v1/admin/tenants/tenant_1700000000001");
    expect(patch?.body).toEqual({ plan: "pro", quotas: { document_quota: 0 } });
  });

  it("refuses a quota that is not a whole number", async () => {
    const calls = stubFetch(() => json(page([tenant])));
    renderWithQuery(<TenantsView />);
    fireEvent.click(await screen.findByRole("button", { name: "View Acme" }));
    fireEvent.change(screen.getByLabelText("Notebooks"), { target: { value: "1.5" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("A whole number, 0 for unlimited")).toBeTruthy();
    expect(calls.some((call) => call.method === "PATCH")).toBe(false);
  });
});
