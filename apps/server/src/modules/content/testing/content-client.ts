import {
  errorEnvelopeSchema,
  type Notebook,
  notebookSchema,
  organizationSchema,
  type TokenResponse,
  tokenResponseSchema,
} from "@tributary/contracts";
import type { FastifyInstance } from "fastify";

export type Account = TokenResponse;
export interface Reply {
  status: number;
  body: unknown;
}
type Method = "GET" | "POST" | "PATCH" | "DELETE";

let counter = 0;

/** Registers a new account through the public API (each test makes its own users and tenants). */
export async function registerAccount(app: FastifyInstance, label = "user"): Promise<Account> {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/register",
    payload: {
      email: `${label}.${unique}@example.test`,
      password: "Str0ngPassw0rd",
      first_name: "Test",
      last_name: `${label} ${unique}`,
    },
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return tokenResponseSchema.parse(res.json());
}

export function personalSpace(account: Account): string {
  const spaceId = account.user.personal_space_id;
  if (!spaceId) throw new Error("account has no personal space");
  return spaceId;
}

export function personalTenant(account: Account): string {
  const tenantId = account.user.personal_tenant_id;
  if (!tenantId) throw new Error("account has no personal tenant");
  return tenantId;
}

/** Calls the API as an account in a space (X-Space-ID), returning the status and parsed body. */
export function apiAs(app: FastifyInstance, account: Account, spaceId: string = personalSpace(account)) {
  return async (method: Method, url: string, payload?: unknown): Promise<Reply> => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${account.access_token}`, "x-space-id": spaceId },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
}

export type Api = ReturnType<typeof apiAs>;

/** Creates a notebook and parses it; throws with the reply when it is not created. */
export async function createNotebook(api: Api, body: Record<string, unknown>): Promise<Notebook> {
  const reply = await api("POST", "/api/v1/notebooks", body);
  if (reply.status !== 201) throw new Error(`create notebook: ${reply.status} ${JSON.stringify(reply.body)}`);
  return notebookSchema.parse(reply.body);
}

export function errorCode(reply: Reply): string {
  return errorEnvelopeSchema.parse(reply.body).error.code;
}

export function errorReason(reply: Reply): unknown {
  return errorEnvelopeSchema.parse(reply.body).error.details?.reason;
}

/** An organization space with an owner, and an admin, a member and a viewer added through the API. */
export async function organizationWithRoles(app: FastifyInstance) {
  const owner = await registerAccount(app, "owner");
  const admin = await registerAccount(app, "admin");
  const member = await registerAccount(app, "member");
  const viewer = await registerAccount(app, "viewer");
  const created = await app.inject({
    method: "POST",
    url: "/api/v1/organizations",
    headers: { authorization: `Bearer ${owner.access_token}` },
    payload: { name: "Acme" },
  });
  if (created.statusCode !== 201) throw new Error(`organization: ${created.statusCode} ${created.body}`);
  const organization = organizationSchema.parse(created.json());
  const spaceId = organization.space_id;
  for (const [account, role] of [
    [admin, "admin"],
    [member, "member"],
    [viewer, "viewer"],
  ] as const) {
    const added = await app.inject({
      method: "POST",
      url: `/api/v1/spaces/${spaceId}/members`,
      headers: { authorization: `Bearer ${owner.access_token}` },
      payload: { email: account.user.email, role },
    });
    if (added.statusCode !== 201) throw new Error(`add ${role}: ${added.statusCode} ${added.body}`);
  }
  return { spaceId, tenantId: organization.tenant_id, owner, admin, member, viewer };
}

/** A new account with one notebook of its personal space, and where documents for it go. */
export async function accountWithNotebook(app: FastifyInstance, label: string) {
  const account = await registerAccount(app, label);
  const api = apiAs(app, account);
  const notebook = await createNotebook(api, { name: "Inbox" });
  const at = {
    tenantId: personalTenant(account),
    spaceId: personalSpace(account),
    notebookId: notebook.id,
    ownerId: account.user.id,
  };
  return { account, api, notebook, at };
}

/** A notebook's counters, read through the API. */
export async function notebookCounters(app: FastifyInstance, account: Account, notebookId: string) {
  const reply = await apiAs(app, account)("GET", `/api/v1/notebooks/${notebookId}`);
  const { document_count, total_size_bytes } = notebookSchema.parse(reply.body);
  return { document_count, total_size_bytes };
}
