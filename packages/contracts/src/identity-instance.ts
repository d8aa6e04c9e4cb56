import { z } from "zod";
import { oidcProviderSummarySchema } from "./identity-oidc.js";

// --- The instance: its name and first-run setup -------------------------------------------------

const instanceName = z.string().trim().min(1).max(100);

/** What anyone may know about the instance before signing in (the sign-in and setup pages). */
export const instanceSchema = z
  .object({
    name: z.string(),
    needs_setup: z
      .boolean()
      .describe("True while no account exists: the first one to register becomes platform admin"),
    oidc_providers: z.array(oidcProviderSummarySchema).describe("Identity providers users may sign in with"),
  })
  .meta({ id: "Instance" });

/** The instance settings as platform admins see them. */
export const adminInstanceSchema = z
  .object({
    name: z.string(),
    setup_completed_at: z
      .string()
      .nullable()
      .describe("When an admin first saved the instance settings (the end of first-run setup)"),
    updated_at: z.string(),
  })
  .meta({ id: "AdminInstance" });

export const updateInstanceRequestSchema = z
  .object({ name: instanceName })
  .strict()
  .meta({ id: "UpdateInstanceRequest" });

export type Instance = z.infer<typeof instanceSchema>;
export type AdminInstance = z.infer<typeof adminInstanceSchema>;
export type UpdateInstanceRequest = z.infer<typeof updateInstanceRequestSchema>;
