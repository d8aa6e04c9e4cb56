import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { GatewayProvider } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, page, renderWithQuery, stubFetch } from "../../../testing/component-test-utils";
import { ProvidersView } from "./providers-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const provider: GatewayProvider = {
  id: "0190a000-0000-7000-8000-000000000010",
  name: "openai-main",
  type: "openai",
  base_url: "https://api.openai.com/v1",
  has_api_key: true,
  api_key_hint: "…abcd",
  headers: {},
  timeout_ms: 60000,
  enabled: true,
  source: "api",
  created_at: null,
  updated_at: null,
};

describe("ProvidersView", () => {
  it("tells a non-admin the page is for admins only, in the API's words", async () => {
    stubFetch(() => json({ error: { code: "FORBIDDEN", message: "Platform admins only" } }, 403));
    renderWithQuery(<ProvidersView />);
    const notice = await screen.findByTestId("admins-only");
    expect(notice.textContent).toContain("Admins only");
    expect(notice.textContent).toContain("Platform admins only");
  });

  it("lists providers, says when there is no model, and adds a provider with a write-only key", async () => {
    const calls = stubFetch(({ method, url, body }) => {
      if (method === "GET" && url.startsWith("/api/v1/gateway/providers")) return json(page([provider]));
      if (method === "GET" && url.startsWith("/api/v1/gateway/models")) return json(page([]));
      if (method === "POST") return json({ ...provider, ...(body as object) }, 201);
      return undefined;
    });
    renderWithQuery(<ProvidersView />);
    expect((await screen.findByTestId("provider-row")).textContent).toContain("stored, ends …abcd");
    expect(await screen.findByText("No models yet")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Add provider" }));
    fireEvent.change(screen.getByLabelText("Provider name"), { target: { value: "claude" } });
    fireEvent.change(screen.getByLabelText("Type"), { target: { value: "anthropic" } });
    fireEvent.change(screen.getByLabelText("API key"), { target: { value: "sk-ant-1" } });
    expect((screen.getByLabelText("API key") as HTMLInputElement).type).toBe("password");
    // The dialog's submit button comes after the page's own "Add provider" button.
    fireEvent.click(screen.getAllByRole("button", { name: "Add provider" }).at(-1) as HTMLElement);
    await waitFor(() => expect(calls.some((call) => call.method === "POST")).toBe(true));
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      name: "claude",
      type: "anthropic",
      enabled: true,
      api_key: "sk-ant-1",
    });
  });
});
