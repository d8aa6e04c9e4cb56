import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { User } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api/client";
import { AuthProvider, useAuth } from "../../auth/auth-context";
import { json, renderWithRouter, stubFetch } from "../../testing/component-test-utils";
import { ada, signInAs } from "./account-fixtures";
import { ProfileView } from "./profile-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  api.session.clear();
});

/** The view as the page uses it: fed from the session's user, so refreshes show. */
function SignedInProfile({ onSignOut = vi.fn() }: { onSignOut?: () => void }) {
  const { user } = useAuth();
  if (!user) return null;
  return <ProfileView user={user} refreshError={null} signingOut={false} onSignOut={onSignOut} />;
}

async function renderProfile(user: User, onSignOut = vi.fn()) {
  signInAs(user);
  await renderWithRouter(
    <AuthProvider>
      <SignedInProfile onSignOut={onSignOut} />
    </AuthProvider>,
  );
  return onSignOut;
}

describe("ProfileView", () => {
  it("shows the account, and for an unverified address a way to get a new link", async () => {
    stubFetch(() => undefined);
    await renderProfile(ada);
    const details = within(screen.getByTestId("profile-details"));
    expect(details.getByText("ada@example.test")).toBeTruthy();
    expect(details.getByText("Not verified")).toBeTruthy();
    expect(details.getByText("User")).toBeTruthy();
    expect(details.getByText("Not recorded yet")).toBeTruthy();
    expect(screen.getByTestId("resend-verification")).toBeTruthy();
    expect(screen.getByTestId("profile-reset-password").getAttribute("href")).toBe("/reset-password");
  });

  it("hides verification once the address is verified", async () => {
    stubFetch(() => undefined);
    await renderProfile({ ...ada, email_verified: true, platform_role: "admin" });
    expect(within(screen.getByTestId("profile-details")).getByText("Verified")).toBeTruthy();
    expect(within(screen.getByTestId("profile-details")).getByText("Administrator")).toBeTruthy();
    expect(screen.queryByTestId("resend-verification")).toBeNull();
  });

  it("saves only the changed name, then refreshes the signed-in user", async () => {
    const renamed = { ...ada, first_name: "Augusta", full_name: "Augusta Lovelace" };
    const calls = stubFetch(({ url }) => (url === "/api/v1/users/me" ? json(renamed) : undefined));
    await renderProfile(ada);
    const save = screen.getByTestId("save-profile") as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("First name"), { target: { value: " Augusta " } });
    fireEvent.click(save);
    expect(await screen.findByText("Saved.")).toBeTruthy();
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      "PATCH /api/v1/users/me",
      "GET /api/v1/users/me",
    ]);
    expect(calls[0]?.body).toEqual({ first_name: "Augusta" });
    await waitFor(() => expect(api.session.get()?.user.full_name).toBe("Augusta Lovelace"));
  });

  it("shows the API's message when the name is refused", async () => {
    stubFetch(() =>
      json(
        {
          error: {
            code: "VALIDATION_ERROR",
            message: "The request body is invalid",
            details: {
              issues: [{ path: ["last_name"], message: "Too small: expected at least 1 character" }],
            },
          },
        },
        400,
      ),
    );
    await renderProfile(ada);
    fireEvent.change(screen.getByLabelText("Last name"), { target: { value: " " } });
    fireEvent.click(screen.getByTestId("save-profile"));
    expect(await screen.findByText("The request body is invalid")).toBeTruthy();
    expect(screen.getByText("Too small: expected at least 1 character")).toBeTruthy();
  });

  it("signs out from the profile", async () => {
    stubFetch(() => undefined);
    const onSignOut = await renderProfile(ada);
    fireEvent.click(screen.getByRole("button", { name: "Sign out of this browser" }));
    expect(onSignOut).toHaveBeenCalledTimes(1);
  });
});
