import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuthProvider } from "../../auth/auth-context";
import { SetupAccountForm } from "./setup-account-form";

const admin = {
  id: "0190f0b0-0000-7000-8000-000000000001",
  email: "ada@example.test",
  first_name: "Ada",
  last_name: "Lovelace",
  full_name: "Ada Lovelace",
  platform_role: "admin",
  status: "active",
  email_verified: true,
  personal_tenant_id: "tenant_1",
  personal_space_id: "space_1",
  onboarding_status: "completed",
};
const tokens = {
  access_token: "access",
  refresh_token: "refresh",
  token_type: "Bearer",
  expires_in: 300,
  refresh_expires_in: 3600,
  user: admin,
};

let renames = 0;
const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
  if (url === "/api/v1/auth/register") return Response.json(tokens, { status: 201 });
  if (url === "/api/v1/admin/instance") {
    renames += 1;
    // The first save fails: the retry must save the name only, not register again.
    if (renames === 1) {
      return Response.json({ error: { code: "INTERNAL", message: "Database unavailable" } }, { status: 503 });
    }
    const body = JSON.parse(String(init?.body)) as { name: string };
    return Response.json({ name: body.name, setup_completed_at: "2025-01-01T00:00:00Z", updated_at: "x" });
  }
  return Response.json({ error: { code: "NOT_FOUND", message: "no route" } }, { status: 404 });
});

beforeEach(() => {
  renames = 0;
  fetchMock.mockClear();
  localStorage.clear();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm(onDone = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AuthProvider>
        <SetupAccountForm defaultName="Tributary" onDone={onDone} />
      </AuthProvider>
    </QueryClientProvider>,
  );
  return onDone;
}

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("SetupAccountForm", () => {
  it("registers the first account, then saves the instance name; a failed save retries the name only", async () => {
    const onDone = renderForm();
    fill("Instance name", "Acme Knowledge");
    fill("First name", "Ada");
    fill("Last name", "Lovelace");
    fill("Email", "ada@example.test");
    fill("Password", "Correct-Horse-42");
    fireEvent.click(screen.getByTestId("setup-submit"));

    expect(await screen.findByText("The instance name could not be saved")).toBeTruthy();
    expect(screen.getByText("Database unavailable")).toBeTruthy();
    expect(screen.getByText(/is created and signed in/)).toBeTruthy();
    expect(screen.queryByLabelText("Password")).toBeNull();
    expect(onDone).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Save the name and continue" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const calls = fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`);
    expect(calls).toEqual([
      "POST /api/v1/auth/register",
      "PATCH /api/v1/admin/instance",
      "PATCH /api/v1/admin/instance",
    ]);
    const rename = fetchMock.mock.calls[2]?.[1];
    expect(JSON.parse(String(rename?.body))).toEqual({ name: "Acme Knowledge" });
    expect(new Headers(rename?.headers).get("authorization")).toBe("Bearer access");
  });
});
