import type { User } from "@tributary/contracts";
import { api } from "../../api/client";

/** A signed-in user for the account pages' component tests. */
export const ada: User = {
  id: "0190f0b0-0000-7000-8000-000000000001",
  email: "ada@example.test",
  first_name: "Ada",
  last_name: "Lovelace",
  full_name: "Ada Lovelace",
  platform_role: "user",
  status: "active",
  email_verified: false,
  personal_tenant_id: "tenant_1",
  personal_space_id: "space_1",
  onboarding_status: "completed",
  created_at: "2026-01-01T00:00:00Z",
  last_login_at: null,
};

/** Signs `user` in on the app's client, with a token far from expiry (no refresh in the test). */
export function signInAs(user: User): void {
  api.session.setFromTokens({
    access_token: "access",
    refresh_token: "refresh-token-0123456789",
    token_type: "Bearer",
    expires_in: 3600,
    refresh_expires_in: 86_400,
    user,
  });
}

export const apiError = (code: string, message: string, details?: Record<string, unknown>) => ({
  error: { code, message, ...(details ? { details } : {}) },
});
