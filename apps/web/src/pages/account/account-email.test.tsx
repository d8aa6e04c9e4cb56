import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api/client";
import { AuthProvider } from "../../auth/auth-context";
import { json, renderWithRouter, stubFetch } from "../../testing/component-test-utils";
import { ada, apiError, signInAs } from "./account-fixtures";
import { VerifyEmailLink } from "./email-verification";
import { NewPasswordForm } from "./new-password-form";
import { RequestResetForm } from "./request-reset-form";

const token = "trv_0123456789abcdefghij";
const smtpMissing = "Email is not configured on this server (SMTP_URL is unset)";

beforeEach(() => api.session.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  api.session.clear();
});

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("RequestResetForm", () => {
  it("says a link was sent if the account exists, whatever the address", async () => {
    const calls = stubFetch(() => json({ status: "accepted" }, 202));
    await renderWithRouter(<RequestResetForm />);
    fill("Email", " nobody@example.test ");
    fireEvent.click(screen.getByTestId("request-reset-submit"));
    expect((await screen.findByTestId("reset-requested")).textContent).toContain(
      "If an account exists for nobody@example.test",
    );
    expect(calls[0]?.body).toEqual({ email: "nobody@example.test" });
    expect(calls[0]?.headers.authorization).toBeUndefined();
  });

  it("shows the server's message plainly when it cannot send email", async () => {
    stubFetch(() => json(apiError("UNPROCESSABLE", smtpMissing), 422));
    await renderWithRouter(<RequestResetForm defaultEmail="ada@example.test" />);
    fireEvent.click(screen.getByTestId("request-reset-submit"));
    expect(await screen.findByText(smtpMissing)).toBeTruthy();
    expect(screen.getByText(/Ask the administrator/)).toBeTruthy();
  });
});

describe("NewPasswordForm", () => {
  it("refuses two different passwords without calling the API", async () => {
    const calls = stubFetch(() => undefined);
    await renderWithRouter(
      <AuthProvider>
        <NewPasswordForm token={token} />
      </AuthProvider>,
    );
    fill("New password", "Correct-Horse-42");
    fill("Repeat the new password", "Correct-Horse-43");
    fireEvent.click(screen.getByTestId("reset-password-submit"));
    expect(await screen.findByText(/The two passwords differ/)).toBeTruthy();
    expect(calls.filter((call) => call.url.includes("password-reset"))).toHaveLength(0);
  });

  it("sets the password, signs this browser out and leads to sign in", async () => {
    signInAs(ada);
    const calls = stubFetch(({ url }) =>
      url === "/api/v1/auth/password-reset/confirm" || url === "/api/v1/auth/logout"
        ? json(null, 204)
        : undefined,
    );
    await renderWithRouter(
      <AuthProvider>
        <NewPasswordForm token={token} />
      </AuthProvider>,
    );
    fill("New password", "Correct-Horse-42");
    fill("Repeat the new password", "Correct-Horse-42");
    fireEvent.click(screen.getByTestId("reset-password-submit"));
    const done = await screen.findByTestId("password-reset-done");
    expect(done.querySelector("a")?.getAttribute("href")).toBe("/sign-in");
    expect(calls.find((call) => call.url.endsWith("/confirm"))?.body).toEqual({
      token,
      password: "Correct-Horse-42",
    });
    expect(api.session.get()).toBeNull();
  });

  it("offers a new link when the token is used or expired", async () => {
    stubFetch(() =>
      json(
        apiError("VALIDATION_ERROR", "This password reset link is invalid, used or expired", {
          field: "token",
        }),
        400,
      ),
    );
    await renderWithRouter(
      <AuthProvider>
        <NewPasswordForm token={token} />
      </AuthProvider>,
    );
    fill("New password", "Correct-Horse-42");
    fill("Repeat the new password", "Correct-Horse-42");
    fireEvent.click(screen.getByTestId("reset-password-submit"));
    expect(await screen.findByText("This password reset link is invalid, used or expired")).toBeTruthy();
    expect(screen.getByTestId("request-new-reset-link").getAttribute("href")).toBe("/reset-password");
  });
});

describe("VerifyEmailLink", () => {
  it("verifies once on load, even when mounted twice, and refreshes the signed-in user", async () => {
    signInAs(ada);
    const calls = stubFetch(({ url }) => {
      if (url === "/api/v1/auth/verify-email") return json(null, 204);
      if (url === "/api/v1/users/me") return json({ ...ada, email_verified: true });
      return undefined;
    });
    await renderWithRouter(
      <StrictMode>
        <AuthProvider>
          <VerifyEmailLink token={token} />
        </AuthProvider>
      </StrictMode>,
    );
    expect(await screen.findByTestId("email-verified")).toBeTruthy();
    expect(screen.getByTestId("verify-continue").getAttribute("href")).toBe("/s/space_1/knowledge");
    expect(calls.filter((call) => call.url === "/api/v1/auth/verify-email")).toHaveLength(1);
    await waitFor(() => expect(api.session.get()?.user.email_verified).toBe(true));
  });

  it("offers a signed-in user a new link when this one is used or expired", async () => {
    signInAs(ada);
    const calls = stubFetch(({ url }) => {
      if (url === "/api/v1/auth/verify-email")
        return json(
          apiError("VALIDATION_ERROR", "This verification link is invalid, used or expired", {
            field: "token",
          }),
          400,
        );
      if (url === "/api/v1/users/me") return json(ada);
      if (url === "/api/v1/auth/verify-email/resend") return json({ status: "accepted" }, 202);
      return undefined;
    });
    await renderWithRouter(
      <AuthProvider>
        <VerifyEmailLink token={token} />
      </AuthProvider>,
    );
    expect(await screen.findByText("This verification link is invalid, used or expired")).toBeTruthy();
    fireEvent.click(screen.getByTestId("resend-verification"));
    expect(await screen.findByText(/A new verification link is on its way/)).toBeTruthy();
    const resend = calls.find((call) => call.url.endsWith("/resend"));
    expect(resend?.headers.authorization).toBe("Bearer access");
  });

  it("asks a signed-out visitor to sign in for a new link", async () => {
    stubFetch(() =>
      json(
        apiError("VALIDATION_ERROR", "This verification link is invalid, used or expired", {
          field: "token",
        }),
        400,
      ),
    );
    await renderWithRouter(
      <AuthProvider>
        <VerifyEmailLink token={token} />
      </AuthProvider>,
    );
    expect(await screen.findByText("This verification link is invalid, used or expired")).toBeTruthy();
    expect(screen.getByTestId("verify-sign-in").getAttribute("href")).toBe(
      "/sign-in?redirect=%2Fverify-email",
    );
    expect(screen.queryByTestId("resend-verification")).toBeNull();
  });
});
