import { z } from "zod";

export const platformRoleSchema = z.enum(["admin", "user", "developer"]);
export const spaceRoleSchema = z.enum(["owner", "admin", "member", "viewer"]);

const email = z.email().max(254).describe("Case-insensitive; stored as given");
const name = z.string().trim().min(1).max(100);

/** At least 8 characters with an upper-case letter, a lower-case letter and a digit. */
export const passwordSchema = z
  .string()
  .min(8, "must be at least 8 characters")
  .max(256)
  .regex(/[A-Z]/, "must contain an upper-case letter")
  .regex(/[a-z]/, "must contain a lower-case letter")
  .regex(/[0-9]/, "must contain a digit");

export const registerRequestSchema = z
  .object({ email, password: passwordSchema, first_name: name, last_name: name })
  .strict()
  .meta({ id: "RegisterRequest" });

export const loginRequestSchema = z
  .object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(256) })
  .strict()
  .meta({ id: "LoginRequest" });

export const refreshRequestSchema = z
  .object({ refresh_token: z.string().min(16).max(512) })
  .strict()
  .meta({ id: "RefreshRequest" });

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    full_name: z.string(),
    platform_role: platformRoleSchema,
    status: z.enum(["active", "inactive", "suspended"]),
    email_verified: z.boolean(),
    personal_tenant_id: z.string().nullable(),
    personal_space_id: z.string().nullable(),
    onboarding_status: z.enum(["pending", "in_progress", "completed", "failed"]),
    created_at: z.string(),
    last_login_at: z.string().nullable(),
  })
  .meta({ id: "User" });

export const tokenResponseSchema = z
  .object({
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().describe("Seconds until the access token expires"),
    refresh_expires_in: z.number().int().describe("Seconds until the refresh token expires"),
    user: userSchema,
  })
  .meta({ id: "TokenResponse" });

export const updateMeRequestSchema = z
  .object({ first_name: name.optional(), last_name: name.optional() })
  .strict()
  .meta({ id: "UpdateMeRequest" });

export const changePasswordRequestSchema = z
  .object({ current_password: z.string().min(1).max(256), new_password: passwordSchema })
  .strict()
  .meta({ id: "ChangePasswordRequest" });

export type User = z.infer<typeof userSchema>;
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
