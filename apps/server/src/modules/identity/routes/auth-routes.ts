import {
  changePasswordRequestSchema,
  loginRequestSchema,
  refreshRequestSchema,
  registerRequestSchema,
  tokenResponseSchema,
  updateMeRequestSchema,
  userSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { defineRoute } from "../../../http/route-builder.js";
import { changePassword } from "../change-password.js";
import type { IdentityContext } from "../identity-context.js";
import type { LoginGuard } from "../login-guard.js";
import { loginUser } from "../login-user.js";
import { logoutUser } from "../logout-user.js";
import { getMe, updateMe } from "../me.js";
import { refreshSession } from "../refresh-session.js";
import { registerUser } from "../register-user.js";

const tags = ["auth"];

export function authRoutes(context: IdentityContext, guard: LoginGuard) {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/auth/register",
      summary: "Create an account (with its personal tenant and space) and sign in",
      tags,
      auth: "public",
      status: 201,
      body: registerRequestSchema,
      response: tokenResponseSchema,
      handler: ({ body, request }) =>
        registerUser(context, {
          email: body.email,
          password: body.password,
          firstName: body.first_name,
          lastName: body.last_name,
          ip: request.ip,
        }),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/auth/login",
      summary: "Sign in with email and password",
      tags,
      auth: "public",
      body: loginRequestSchema,
      response: tokenResponseSchema,
      handler: ({ body, request }) => loginUser(context, guard, { ...body, ip: request.ip }),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/auth/refresh",
      summary: "Exchange a refresh token for new tokens (rotating; reuse revokes the login)",
      tags,
      auth: "public",
      body: refreshRequestSchema,
      response: tokenResponseSchema,
      handler: ({ body }) => refreshSession(context, body.refresh_token),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/auth/logout",
      summary: "End the login a refresh token belongs to",
      tags,
      auth: "public",
      status: 204,
      body: refreshRequestSchema,
      response: z.undefined(),
      handler: async ({ body, request }) => {
        await logoutUser(context, body.refresh_token, request.ip);
        return undefined;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/.well-known/jwks.json",
      summary: "Public keys that verify Tributary access tokens",
      tags,
      auth: "public",
      rateLimit: false,
      response: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }),
      handler: async () => (await context.keys.jwks()) as { keys: Array<Record<string, unknown>> },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/users/me",
      summary: "The signed-in user",
      tags: ["users"],
      auth: "required",
      response: userSchema,
      handler: ({ principal }) => getMe(context, principal),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/users/me",
      summary: "Update the signed-in user's profile",
      tags: ["users"],
      auth: "required",
      body: updateMeRequestSchema,
      response: userSchema,
      handler: ({ principal, body }) => updateMe(context, principal, body),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/users/me/password",
      summary: "Change the signed-in user's password; signs out every login and returns new tokens",
      description:
        "A wrong current password answers 400 VALIDATION_ERROR (details.reason wrong_password); an account without a password (single sign-on) answers 422 (details.reason no_password).",
      tags: ["users"],
      auth: "required",
      // Per client address: a stolen access token must not become a fast password oracle.
      rateLimit: { limit: 5, windowMs: 60_000 },
      body: changePasswordRequestSchema,
      response: tokenResponseSchema,
      handler: ({ principal, body, request }) =>
        changePassword(context, principal, {
          currentPassword: body.current_password,
          newPassword: body.new_password,
          ip: request.ip,
        }),
    }),
  ];
}
