import { createdApiKeySchema, notebookSchema, tokenResponseSchema } from "@tributary/contracts";

/** A registered user of a running Tributary, with the space its calls act in. */
export interface BenchAccount {
  readonly origin: string;
  readonly accessToken: string;
  readonly spaceId: string;
}

async function expectJson(response: Response, expected: number, what: string): Promise<unknown> {
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${what}: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/** Registers a fresh account through the public API and returns its token and personal space. */
export async function registerBenchAccount(origin: string, label: string): Promise<BenchAccount> {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const response = await fetch(`${origin}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `${label}.${unique}@example.test`,
      password: "Str0ngPassw0rd",
      first_name: "Bench",
      last_name: label,
    }),
  });
  const tokens = tokenResponseSchema.parse(await expectJson(response, 201, "register"));
  const spaceId = tokens.user.personal_space_id;
  if (!spaceId) throw new Error("the registered account has no personal space");
  return { origin, accessToken: tokens.access_token, spaceId };
}

export function authHeaders(account: BenchAccount): Record<string, string> {
  return { authorization: `Bearer ${account.accessToken}`, "x-space-id": account.spaceId };
}

export async function createBenchNotebook(account: BenchAccount, name: string): Promise<string> {
  const response = await fetch(`${account.origin}/api/v1/notebooks`, {
    method: "POST",
    headers: { ...authHeaders(account), "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  return notebookSchema.parse(await expectJson(response, 201, "create notebook")).id;
}

/** Creates a `gateway:invoke` API key with the given gateway settings and returns its secret. */
export async function createGatewayApiKey(
  account: BenchAccount,
  gateway: Record<string, unknown>,
): Promise<string> {
  const response = await fetch(`${account.origin}/api/v1/api-keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${account.accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench gateway key", scopes: ["gateway:invoke"], gateway }),
  });
  return createdApiKeySchema.parse(await expectJson(response, 201, "create API key")).secret;
}
