import { organizationSchema, type TokenResponse, tokenResponseSchema } from "@tributary/contracts";
import type { FastifyInstance } from "fastify";

let counter = 0;

/** Test-only: registers an account through the public API. */
export async function register(app: FastifyInstance, label: string): Promise<TokenResponse> {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/register",
    payload: {
      email: `${label}.${unique}@example.test`,
      password: "Str0ngPassw0rd",
      first_name: "T",
      last_name: label,
    },
  });
  if (res.statusCode !== 201) throw new Error(`register ${label}: ${res.statusCode} ${res.body}`);
  return tokenResponseSchema.parse(res.json());
}

/** Test-only: calls the API with a bearer token, in a space. */
export async function callAs(
  app: FastifyInstance,
  token: string,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  options: { space?: string; payload?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const res = await app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...(options.space ? { "x-space-id": options.space } : {}) },
    ...(options.payload === undefined ? {} : { payload: options.payload as Record<string, unknown> }),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
}

/** Test-only: an organization owned by `owner` with one plain member. */
export async function organizationWithMember(
  app: FastifyInstance,
  owner: TokenResponse,
  member: TokenResponse,
): Promise<{ tenantId: string; spaceId: string }> {
  const created = await callAs(app, owner.access_token, "POST", "/api/v1/organizations", {
    payload: { name: `Budget org ${++counter}` },
  });
  if (created.status !== 201)
    throw new Error(`organization: ${created.status} ${JSON.stringify(created.body)}`);
  const organization = organizationSchema.parse(created.body);
  const added = await callAs(
    app,
    owner.access_token,
    "POST",
    `/api/v1/spaces/${organization.space_id}/members`,
    {
      payload: { email: member.user.email, role: "member" },
    },
  );
  if (added.status !== 201) throw new Error(`add member: ${added.status} ${JSON.stringify(added.body)}`);
  return { tenantId: organization.tenant_id, spaceId: organization.space_id };
}
