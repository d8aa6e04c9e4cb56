import { errorEnvelopeSchema, organizationSchema, spaceMemberSchema } from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { apiAs, type Reply, registerAccount } from "../testing/identity-client.js";

export { apiAs, type Reply };

export type Account = Awaited<ReturnType<typeof registerAccount>>;

/** The error code of a 4xx/5xx reply, parsed with the envelope schema. */
export function errorCode(reply: Reply): string {
  return errorEnvelopeSchema.parse(reply.body).error.code;
}

export function errorReason(reply: Reply): unknown {
  return errorEnvelopeSchema.parse(reply.body).error.details?.reason;
}

/**
 * Test-only: an organization owned by a new account, whose space has one member of each other
 * role (added through the API), plus an outsider in another tenant.
 */
export async function organizationWithRoles(app: FastifyInstance) {
  const owner = await registerAccount(app, "owner");
  const admin = await registerAccount(app, "admin");
  const member = await registerAccount(app, "member");
  const viewer = await registerAccount(app, "viewer");
  const outsider = await registerAccount(app, "outsider");
  const created = await apiAs(app, owner)("POST", "/api/v1/organizations", { name: "Acme" });
  if (created.status !== 201)
    throw new Error(`organization: ${created.status} ${JSON.stringify(created.body)}`);
  const organization = organizationSchema.parse(created.body);
  const spaceId = organization.space_id;
  for (const [account, role] of [
    [admin, "admin"],
    [member, "member"],
    [viewer, "viewer"],
  ] as const) {
    const added = await apiAs(app, owner)("POST", `/api/v1/spaces/${spaceId}/members`, {
      email: account.user.email,
      role,
    });
    if (added.status !== 201) throw new Error(`add ${role}: ${added.status} ${JSON.stringify(added.body)}`);
    spaceMemberSchema.parse(added.body);
  }
  return { organization, spaceId, owner, admin, member, viewer, outsider };
}
