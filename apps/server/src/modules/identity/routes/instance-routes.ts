import { adminInstanceSchema, instanceSchema, updateInstanceRequestSchema } from "@tributary/contracts";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { IdentityContext } from "../identity-context.js";
import { getInstance } from "../instance/get-instance.js";
import { updateInstance } from "../instance/update-instance.js";

/** The instance itself: what visitors see before signing in, and its settings for platform admins. */
export function instanceRoutes(context: IdentityContext): AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/instance",
      summary: "The instance's name, whether it awaits first-run setup, and its SSO providers",
      tags: ["instance"],
      auth: "public",
      response: instanceSchema,
      handler: () => getInstance(context),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/admin/instance",
      summary: "Rename the instance (the first save completes first-run setup)",
      tags: ["admin"],
      auth: "required",
      // Sessions of platform admins pass; an API key also needs the admin scope.
      scopes: ["admin"],
      body: updateInstanceRequestSchema,
      response: adminInstanceSchema,
      handler: ({ principal, body, request }) => updateInstance(context, principal, body, request.ip),
    }),
  ];
}
