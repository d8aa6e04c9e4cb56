import type { TokenResponse } from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryCache } from "../../../platform/cache/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { apiKeyVerifier } from "../api-key-verifier.js";
import type { IdentityContext } from "../identity-context.js";
import { bearer, registerAccount } from "../testing/identity-client.js";

let instance: TestInstance;
let owner: TokenResponse;

const app = (): FastifyInstance => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};

beforeAll(async () => {
  instance = await startTestInstance();
  owner = await registerAccount(app(), "lookups");
});
afterAll(async () => {
  await instance?.close();
});

/** The instance's database, noting every statement that reaches it. */
function watchedSql(sql: Sql): { sql: Sql; statements: string[] } {
  const statements: string[] = [];
  const watched: Sql = {
    ...sql,
    withSystem: (work) =>
      sql.withSystem((tx) =>
        work({
          ...tx,
          query: (text, params) => {
            statements.push(text);
            return tx.query(text, params);
          },
        }),
      ),
  };
  return { sql: watched, statements };
}

async function createKey(): Promise<string> {
  const res = await app().inject({
    method: "POST",
    url: "/api/v1/api-keys",
    headers: bearer(owner.access_token),
    payload: { name: "lookups", scopes: ["gateway:invoke"] },
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { secret: string }).secret;
}

describe("API key verification under concurrent cache misses", () => {
  it("reads the key and its owner once for calls that miss the cache together", async () => {
    const secret = await createKey();
    const { sql, statements } = watchedSql(instance.resources.sql);
    // The verifier needs only the database and the cache of the identity context.
    const verify = apiKeyVerifier({ sql, cache: createMemoryCache() } as unknown as IdentityContext);
    const principals = await Promise.all(
      Array.from({ length: 16 }, () => verify({ bearer: secret, apiKey: null, ip: "127.0.0.1" })),
    );
    for (const principal of principals)
      expect(principal).toMatchObject({ kind: "api_key", scopes: ["gateway:invoke"] });
    expect(statements.filter((text) => /FROM api_keys/.test(text))).toHaveLength(1);
    expect(statements.filter((text) => /FROM users/.test(text))).toHaveLength(1);
  });

  it("refuses a wrong secret for every waiting call", async () => {
    const secret = await createKey();
    const wrong = `${secret.slice(0, -4)}AAAA`;
    const { sql } = watchedSql(instance.resources.sql);
    const verify = apiKeyVerifier({ sql, cache: createMemoryCache() } as unknown as IdentityContext);
    const results = await Promise.all([
      verify({ bearer: wrong, apiKey: null, ip: "127.0.0.1" }),
      verify({ bearer: secret, apiKey: null, ip: "127.0.0.1" }),
      verify({ bearer: wrong, apiKey: null, ip: "127.0.0.1" }),
    ]);
    expect(results.map((principal) => principal?.kind ?? null)).toEqual([null, "api_key", null]);
  });
});
