import type { TokenResponse } from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccessChanges } from "../../../platform/auth/index.js";
import { createMemoryCache } from "../../../platform/cache/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { apiKeyVerifier } from "../api-key-verifier.js";
import { UserStatusCache } from "../authenticate.js";
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

/** A verifier with its own caches: it needs only the database, the cache and the access changes. */
function verifierOn(sql: Sql, hearsEveryChange = false) {
  const accessChanges = createAccessChanges({ hearsEveryChange, onError: () => {} });
  const context = { sql, cache: createMemoryCache(), accessChanges } as unknown as IdentityContext;
  return Object.assign(apiKeyVerifier(context, new UserStatusCache(context)), { accessChanges });
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
    const verify = verifierOn(sql);
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
    const verify = verifierOn(sql);
    const results = await Promise.all([
      verify({ bearer: wrong, apiKey: null, ip: "127.0.0.1" }),
      verify({ bearer: secret, apiKey: null, ip: "127.0.0.1" }),
      verify({ bearer: wrong, apiKey: null, ip: "127.0.0.1" }),
    ]);
    expect(results.map((principal) => principal?.kind ?? null)).toEqual([null, "api_key", null]);
  });
});

describe("the key owner's status", () => {
  it("is kept a minute where every change is heard, a second elsewhere, and dropped when a change is announced", async () => {
    const secret = await createKey();
    const credentials = { bearer: secret, apiKey: null, ip: "127.0.0.1" };
    const sole = watchedSql(instance.resources.sql);
    const soleVerify = verifierOn(sole.sql, true);
    const shared = watchedSql(instance.resources.sql);
    const sharedVerify = verifierOn(shared.sql, false);
    const ownerReads = (statements: string[]) => statements.filter((text) => /FROM users/.test(text)).length;
    await Promise.all([soleVerify(credentials), sharedVerify(credentials)]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await Promise.all([soleVerify(credentials), sharedVerify(credentials)]);
    expect(ownerReads(sole.statements)).toBe(1);
    expect(ownerReads(shared.statements)).toBe(2);

    soleVerify.accessChanges.announce({ kind: "user", userId: owner.user.id });
    await soleVerify(credentials);
    expect(ownerReads(sole.statements)).toBe(2);
  });
});
