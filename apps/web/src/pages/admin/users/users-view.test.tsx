import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { User } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, page, renderWithQuery, stubFetch } from "../../../testing/component-test-utils";
import { UsersView } from "./users-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const user = (id: string, email: string, status: User["status"] = "active"): User => ({
  id,
  email,
  first_name: "A",
  last_name: "B",
  full_name: `Person ${email}`,
  platform_role: "user",
  status,
  email_verified: true,
  personal_tenant_id: null,
  personal_space_id: null,
  onboarding_status: "completed",
  created_at: "2026-01-01T00:00:00Z",
  last_login_at: null,
});

const me = user("00000000-0000-7000-8000-000000000001", "admin@example.com");
const bob = user("00000000-0000-7000-8000-000000000002", "bob@example.com");

describe("UsersView", () => {
  it("searches by email and suspends after confirmation", async () => {
    const calls = stubFetch(({ method, url }) => {
      if (method === "GET") return json(page(url.includes("email=bob") ? [bob] : [me, bob]));
      if (method === "POST") return json({ ...bob, status: "suspended" });
      return undefined;
    });
    renderWithQuery(<UsersView currentUserId={me.id} />);
    expect(await screen.findAllByTestId("user-row")).toHaveLength(2);
    expect(screen.queryByRole("button", { name: "Suspend admin@example.com" })).toBeNull();

    fireEvent.change(screen.getByLabelText("Search by email"), { target: { value: "bob" } });
    fireEvent.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(screen.getAllByTestId("user-row")).toHaveLength(1));

    fireEvent.click(screen.getByRole("button", { name: "Suspend bob@example.com" }));
    fireEvent.click(screen.getByRole("button", { name: "Suspend account" }));
    await waitFor(() => expect(calls.some((call) => call.method === "POST")).toBe(true));
    expect(calls.find((call) => call.method === "POST")?.url).toBe(`/api/v1/admin/users/${bob.id}/suspend`);
  });

  it("shows the API's message when an action fails", async () => {
    stubFetch(({ method }) => {
      if (method === "GET")
        return json(page([user("00000000-0000-7000-8000-000000000003", "c@example.com", "suspended")]));
      return json({ error: { code: "NOT_FOUND", message: "User not found" } }, 404);
    });
    renderWithQuery(<UsersView currentUserId={null} />);
    fireEvent.click(await screen.findByRole("button", { name: "Reactivate c@example.com" }));
    fireEvent.click(screen.getByRole("button", { name: "Reactivate account" }));
    expect(await screen.findByText("User not found")).toBeTruthy();
  });
});
