import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Space } from "@tributary/contracts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SpaceSwitcher } from "./space-switcher";

function space(id: string, name: string, type: Space["space_type"], isDefault = false): Space {
  return {
    id,
    tenant_id: id.replace("space_", "tenant_"),
    name,
    description: "",
    space_type: type,
    status: "active",
    visibility: type === "personal" ? "private" : "organization",
    owner_user_id: null,
    organization_id: type === "personal" ? null : "0190f0b0-0000-7000-8000-000000000001",
    settings: {},
    role: "owner",
    is_default: isDefault,
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
  };
}

// Organizations first and out of order: the switcher must not depend on the API's order.
const spaces = [
  space("space_3", "Zephyr Labs", "organization"),
  space("space_2", "Acme", "organization"),
  space("space_1", "Ada's space", "personal", true),
];

function renderSwitcher(onSwitch = vi.fn(), currentSpaceId = "space_2") {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SpaceSwitcher spaces={spaces} currentSpaceId={currentSpaceId} onSwitch={onSwitch} />
    </QueryClientProvider>,
  );
  return onSwitch;
}

beforeEach(() => {
  // The create dialog lists the organizations the user manages.
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json({ data: [], next_cursor: null, has_more: false })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SpaceSwitcher", () => {
  it("names the current space and lists the personal space first, then organizations by name", () => {
    renderSwitcher();
    const toggle = screen.getByTestId("space-switcher");
    expect(toggle.textContent).toContain("Acme");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const names = screen.getAllByTestId("space-switcher-option").map((option) => option.textContent);
    expect(names).toEqual(["Ada's space", "Acme✓", "Zephyr Labs"]);
    expect(within(screen.getByRole("list", { name: "Personal" })).getByRole("button").textContent).toBe(
      "Ada's space",
    );
    expect(screen.getByRole("list", { name: "Organizations" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Acme" }).getAttribute("aria-current")).toBe("true");
  });

  it("switches by calling onSwitch with the picked space's id, and closes", () => {
    const onSwitch = renderSwitcher();
    fireEvent.click(screen.getByTestId("space-switcher"));
    fireEvent.click(screen.getByRole("button", { name: "Zephyr Labs" }));
    expect(onSwitch).toHaveBeenCalledWith("space_3");
    expect(screen.queryByTestId("space-switcher-option")).toBeNull();
  });

  it("does not switch when the current space is picked again", () => {
    const onSwitch = renderSwitcher();
    fireEvent.click(screen.getByTestId("space-switcher"));
    fireEvent.click(screen.getByRole("button", { name: "Acme" }));
    expect(onSwitch).not.toHaveBeenCalled();
  });

  it("offers Create space… last, which opens the create dialog", async () => {
    renderSwitcher();
    fireEvent.click(screen.getByTestId("space-switcher"));
    const create = screen.getByRole("button", { name: "Create space…" });
    const items = document.querySelectorAll("[data-switcher-item]");
    expect(items[items.length - 1]).toBe(create);
    fireEvent.click(create);
    expect(await screen.findByLabelText("Space name")).toBeTruthy();
    expect(screen.getByLabelText("Organization")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Create space" })).toBeTruthy();
  });

  it("creates a space in a new organization and switches to it", async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) =>
      url === "/api/v1/organizations" && init?.method === "POST"
        ? Response.json({ id: "org-1", space_id: "space_9", name: "Research" }, { status: 201 })
        : Response.json({ data: [], next_cursor: null, has_more: false }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const onSwitch = renderSwitcher();
    fireEvent.click(screen.getByTestId("space-switcher"));
    fireEvent.click(screen.getByRole("button", { name: "Create space…" }));
    fireEvent.change(await screen.findByLabelText("Space name"), { target: { value: " Research " } });
    fireEvent.click(screen.getByRole("button", { name: "Create space" }));
    await waitFor(() => expect(onSwitch).toHaveBeenCalledWith("space_9"));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ name: "Research" });
  });

  it("moves between spaces with the arrow keys and closes on Escape", () => {
    renderSwitcher();
    const toggle = screen.getByTestId("space-switcher");
    fireEvent.click(toggle);
    expect(document.activeElement?.textContent).toBe("Acme✓");
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowDown" });
    expect(document.activeElement?.textContent).toBe("Zephyr Labs");
    fireEvent.keyDown(document.activeElement as Element, { key: "Escape" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(toggle);
  });
});
