import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api/client";
import { json, renderWithQuery, stubFetch } from "../../testing/component-test-utils";
import { ada, apiError, signInAs } from "./account-fixtures";
import { ChangePasswordForm } from "./change-password-form";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  api.session.clear();
});

function fill(current: string, next: string, repeat: string) {
  fireEvent.change(screen.getByLabelText("Current password"), { target: { value: current } });
  fireEvent.change(screen.getByLabelText("New password"), { target: { value: next } });
  fireEvent.change(screen.getByLabelText("Repeat the new password"), { target: { value: repeat } });
  fireEvent.click(screen.getByTestId("change-password-submit"));
}

describe("ChangePasswordForm", () => {
  it("refuses differing new passwords without calling the API", () => {
    const calls = stubFetch(() => json({}));
    renderWithQuery(<ChangePasswordForm />);
    fill("Old-Passw0rd", "N3wPassword!", "N3wPassword?");
    expect(screen.getByText(/two new passwords differ/)).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it("shows the API's message for a wrong current password", async () => {
    signInAs(ada);
    stubFetch(() =>
      json(
        apiError("VALIDATION_ERROR", "The current password is incorrect", {
          issues: [{ path: ["current_password"], message: "The current password is incorrect" }],
        }),
        400,
      ),
    );
    renderWithQuery(<ChangePasswordForm />);
    fill("Wrong-Passw0rd", "N3wPassword!", "N3wPassword!");
    expect((await screen.findAllByText("The current password is incorrect")).length).toBeGreaterThan(0);
  });

  it("stores the new session's tokens after a change", async () => {
    signInAs(ada);
    const calls = stubFetch(() =>
      json({
        access_token: "access-new",
        refresh_token: "refresh-new-0123456789",
        token_type: "Bearer",
        expires_in: 3600,
        refresh_expires_in: 86_400,
        user: ada,
      }),
    );
    renderWithQuery(<ChangePasswordForm />);
    fill("Old-Passw0rd", "N3wPassword!", "N3wPassword!");
    await screen.findByTestId("password-changed");
    expect(calls[0]?.body).toEqual({ current_password: "Old-Passw0rd", new_password: "N3wPassword!" });
    await waitFor(() => expect(api.session.get()?.refreshToken).toBe("refresh-new-0123456789"));
  });
});
