import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { ApiKey } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, page, renderWithQuery, stubFetch } from "../../../testing/component-test-utils";
import { ApiKeysView } from "./api-keys-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const key: ApiKey = {
  id: "0190a000-0000-7000-8000-000000000001",
  name: "Build server",
  prefix: "trk_abcd1234",
  space_id: "space_1",
  scopes: ["gateway:invoke", "documents:read"],
  created_at: "2026-03-01T10:00:00Z",
  expires_at: null,
  revoked_at: null,
  last_used_at: null,
  gateway: { rpm: 60, budget_daily_usd: 5 },
};

const spaceNames = new Map([["space_1", "Research"]]);

function renderView(keys: ApiKey[]) {
  const calls = stubFetch(({ method, url, body }) => {
    if (method === "GET" && url.startsWith("/api/v1/api-keys")) return json(page(keys));
    if (method === "POST" && url === "/api/v1/api-keys") {
      return json(
        { ...key, id: "0190a000-0000-7000-8000-000000000002", ...(body as object), secret: "trk_new_s3cret" },
        201,
      );
    }
    if (method === "DELETE") return json(null, 204);
    return undefined;
  });
  renderWithQuery(<ApiKeysView spaceId="space_1" spaceNames={spaceNames} canGrantAdmin={false} />);
  return calls;
}

describe("ApiKeysView", () => {
  it("lists keys with their scopes, space, limits and status", async () => {
    renderView([key]);
    const row = await screen.findByTestId("api-key-row");
    expect(row.textContent).toContain("Build server");
    expect(row.textContent).toContain("Active");
    expect(row.textContent).toContain("documents:read");
    expect(row.textContent).toContain("Research");
    expect(row.textContent).toContain("60 requests/min");
    expect(row.textContent).toContain("Never");
  });

  it("says what to do first when there is no key", async () => {
    renderView([]);
    expect(await screen.findByText("No API keys yet")).toBeTruthy();
  });

  it("creates a key bound to the space and shows its secret once, with a copy button", async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const calls = renderView([]);
    await screen.findByText("No API keys yet");
    fireEvent.click(screen.getAllByTestId("create-api-key")[0] as HTMLElement);
    expect(screen.queryByLabelText(/^admin/)).toBeNull();
    fireEvent.change(screen.getByLabelText("Key name"), { target: { value: "Notebook" } });
    fireEvent.click(screen.getByRole("checkbox", { name: /documents:write/ }));
    fireEvent.click(screen.getByRole("button", { name: "Create key" }));

    const secret = await screen.findByTestId("api-key-secret");
    expect(secret.textContent).toBe("trk_new_s3cret");
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      name: "Notebook",
      scopes: ["gateway:invoke", "documents:write"],
      space_id: "space_1",
    });
    fireEvent.click(screen.getByRole("button", { name: "Copy key" }));
    await screen.findByText("Copied to the clipboard.");
    expect(writeText).toHaveBeenCalledWith("trk_new_s3cret");
  });

  it("selects the secret when the clipboard is refused", async () => {
    vi.stubGlobal("navigator", {
      ...navigator,
      clipboard: { writeText: async () => Promise.reject(new Error("denied")) },
    });
    renderView([]);
    await screen.findByText("No API keys yet");
    fireEvent.click(screen.getAllByTestId("create-api-key")[0] as HTMLElement);
    fireEvent.change(screen.getByLabelText("Key name"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Create key" }));
    await screen.findByTestId("api-key-secret");
    fireEvent.click(screen.getByRole("button", { name: "Copy key" }));
    await screen.findByText(/press Ctrl\+C/);
    expect(window.getSelection()?.toString()).toBe("trk_new_s3cret");
  });

  it("shows field errors before calling the API", async () => {
    const calls = renderView([]);
    await screen.findByText("No API keys yet");
    fireEvent.click(screen.getAllByTestId("create-api-key")[0] as HTMLElement);
    fireEvent.click(screen.getByRole("button", { name: "Create key" }));
    expect(await screen.findByText(/Give the key a name/)).toBeTruthy();
    expect(calls.some((call) => call.method === "POST")).toBe(false);
  });

  it("revokes a key after confirmation", async () => {
    const calls = renderView([key]);
    fireEvent.click(await screen.findByRole("button", { name: "Revoke Build server" }));
    fireEvent.click(screen.getByRole("button", { name: "Revoke key" }));
    await waitFor(() => expect(calls.some((call) => call.method === "DELETE")).toBe(true));
    expect(calls.find((call) => call.method === "DELETE")?.url).toBe(`/api/v1/api-keys/${key.id}`);
  });
});
