import { type TokenResponse, tokenResponseSchema } from "@tributary/contracts";
import type { FastifyInstance } from "fastify";

let counter = 0;

/** A unique, valid registration for tests (each test creates its own users and tenants). */
export function newAccount(label = "user") {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return {
    email: `${label}.${unique}@example.test`,
    password: "Str0ngPassw0rd",
    first_name: "Test",
    last_name: `${label} ${unique}`,
  };
}

/** Registers through the public API and returns the token response, parsed with its schema. */
export async function registerAccount(
  app: FastifyInstance,
  label?: string,
): Promise<TokenResponse & { password: string }> {
  const account = newAccount(label);
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/register", payload: account });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return { ...tokenResponseSchema.parse(res.json()), password: account.password };
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

export interface Reply {
  status: number;
  body: unknown;
}

/** Test-only: calls the API as an account (or anonymously) and returns the status and parsed body. */
export function apiAs(app: FastifyInstance, account: { access_token: string } | null) {
  return async (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const res = await app.inject({
      method,
      url,
      headers: { ...(account ? bearer(account.access_token) : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
}
