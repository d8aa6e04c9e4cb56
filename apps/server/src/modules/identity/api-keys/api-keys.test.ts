import {
  apiKeySchema,
  createdApiKeySchema,
  errorEnvelopeSchema,
  pageSchema,
  type TokenResponse,
  userSchema,
} from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { waitFor } from "../../../testing/wait-for.js";
import { bearer, registerAccount } from "../testing/identity-client.js";
import { apiKeyProbeRoutes } from "../testing/probe-routes.js";

let instance: TestInstance;
let admin: TokenResponse;
let alice: TokenResponse;
let bob: TokenResponse;

const app = (): FastifyInstance => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};

beforeAll(async () => {
  instance = await startTestInstance({ routes: apiKeyProbeRoutes() });
  admin = await registerAccount(app(), "admin");
  alice = await registerAccount(app(), "alice");
  bob = await registerAccount(app(), "bob");
});
afterAll(async () => {
  await instance?.close();
});

async function createKey(owner: TokenResponse, body: Record<string, unknown>) {
  const res = await app().inject({
    method: "POST",
    url: "/api/v1/api-keys",
    headers: bearer(owner.access_token),
    payload: { name: "test key", ...body },
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return createdApiKeySchema.parse(res.json());
}

const probe = (headers: Record<string, string>) =>
  app().inject({ method: "POST", url: "/api/v1/test/documents", headers });
const me = (headers: Record<string, string>) =>
  app().inject({ method: "GET", url: "/api/v1/users/me", headers });
const revoke = (owner: TokenResponse, id: string) =>
  app().inject({ method: "DELETE", url: `/api/v1/api-keys/${id}`, headers: bearer(owner.access_token) });

describe("creating and listing keys", () => {
  it("returns the secret once and lists keys without it", async () => {
    const created = await createKey(alice, { scopes: ["documents:read", "gateway:invoke"] });
    expect(created.secret).toMatch(/^trk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.secret.startsWith(`trk_${created.prefix}_`)).toBe(true);
    expect(created).toMatchObject({ space_id: null, revoked_at: null, last_used_at: null, expires_at: null });

    const list = await app().inject({
      method: "GET",
      url: "/api/v1/api-keys",
      headers: bearer(alice.access_token),
    });
    expect(list.statusCode).toBe(200);
    const page = pageSchema(apiKeySchema.strict()).parse(list.json());
    expect(page.data.map((key) => key.id)).toContain(created.id);
    expect(list.body).not.toContain(created.secret.slice(`trk_${created.prefix}_`.length));

    const stored = await instance.resources.sql.withSystem((tx) =>
      tx.query<{ secret_hash: string }>("SELECT secret_hash FROM api_keys WHERE id = $1", [created.id]),
    );
    expect(stored[0]?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("pages through the caller's keys only", async () => {
    for (let i = 0; i < 3; i++) await createKey(bob, { name: `bob ${i}`, scopes: ["spaces:read"] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/api-keys?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await app().inject({ method: "GET", url, headers: bearer(bob.access_token) });
      const page = pageSchema(apiKeySchema).parse(res.json());
      seen.push(...page.data.map((key) => key.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(["bob 2", "bob 1", "bob 0"]);
  });

  it("lets only platform admins create admin-scoped keys", async () => {
    const refused = await app().inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: bearer(alice.access_token),
      payload: { name: "root", scopes: ["admin"] },
    });
    expect(refused.statusCode).toBe(403);
    const created = await createKey(admin, { scopes: ["admin"] });
    expect(created.scopes).toEqual(["admin"]);
  });

  it("binds a key only to a space the caller is a member of", async () => {
    const foreign = await app().inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: bearer(alice.access_token),
      payload: { name: "x", scopes: ["documents:read"], space_id: bob.user.personal_space_id },
    });
    expect(foreign.statusCode).toBe(404);
    const bound = await createKey(alice, {
      scopes: ["documents:read"],
      space_id: alice.user.personal_space_id,
    });
    const headers = {
      authorization: `Bearer ${bound.secret}`,
      "x-space-id": alice.user.personal_space_id ?? "",
    };
    const inSpace = await app().inject({ method: "GET", url: "/api/v1/test/space", headers });
    expect(inSpace.json()).toMatchObject({
      kind: "api_key",
      restricted_to_space_id: alice.user.personal_space_id,
      space_id: alice.user.personal_space_id,
    });
    const elsewhere = await app().inject({
      method: "GET",
      url: "/api/v1/test/space",
      headers: { ...headers, "x-space-id": "space_1" },
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it("refuses bad input with the 4xx envelope", async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const bodies: unknown[] = [
      {},
      { name: "x" },
      { scopes: ["documents:read"] },
      { name: "", scopes: ["documents:read"] },
      { name: "x".repeat(101), scopes: ["documents:read"] },
      { name: 5, scopes: ["documents:read"] },
      { name: "x", scopes: [] },
      { name: "x", scopes: ["documents:delete"] },
      { name: "x", scopes: ["documents:read", "documents:read"] },
      { name: "x", scopes: "documents:read" },
      { name: "x", scopes: ["documents:read"], expires_at: "tomorrow" },
      { name: "x", scopes: ["documents:read"], expires_at: new Date(Date.now() - 1000).toISOString() },
      { name: "x", scopes: ["documents:read"], space_id: "not-a-space" },
      { name: "x", scopes: ["documents:read"], expires_at: future, owner: "someone" },
    ];
    for (const payload of bodies) {
      const res = await app().inject({
        method: "POST",
        url: "/api/v1/api-keys",
        headers: bearer(alice.access_token),
        payload: payload as object,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      errorEnvelopeSchema.parse(res.json());
    }
    for (const url of [
      "/api/v1/api-keys?limit=0",
      "/api/v1/api-keys?limit=x",
      "/api/v1/api-keys?cursor=bm9wZQ",
    ]) {
      const res = await app().inject({ method: "GET", url, headers: bearer(alice.access_token) });
      expect(res.statusCode, url).toBe(400);
    }
    const badId = await revoke(alice, "not-a-uuid");
    expect(badId.statusCode).toBe(400);
    const anonymous = await app().inject({ method: "GET", url: "/api/v1/api-keys" });
    expect(anonymous.statusCode).toBe(401);
    errorEnvelopeSchema.parse(anonymous.json());
  });
});

describe("using keys", () => {
  it("works as a Bearer token and as x-api-key, as the owner with the key's scopes", async () => {
    const key = await createKey(alice, { scopes: ["documents:write"] });
    const both: Array<Record<string, string>> = [
      { authorization: `Bearer ${key.secret}` },
      { "x-api-key": key.secret },
    ];
    for (const headers of both) {
      const res = await probe(headers);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        kind: "api_key",
        user_id: alice.user.id,
        scopes: ["documents:write"],
        platform_role: "user",
        restricted_to_space_id: null,
      });
      expect(userSchema.parse((await me(headers)).json()).id).toBe(alice.user.id);
    }
  });

  it("is limited to its scopes", async () => {
    const reader = await createKey(alice, { scopes: ["documents:read"] });
    const res = await probe(bearer(reader.secret));
    expect(res.statusCode).toBe(403);
    expect(errorEnvelopeSchema.parse(res.json()).error.details).toEqual({
      missing_scopes: ["documents:write"],
    });
    // A narrow key cannot mint itself a wider one.
    const mint = await app().inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: bearer(reader.secret),
      payload: { name: "wider", scopes: ["documents:write"] },
    });
    expect(mint.statusCode).toBe(403);
  });

  it("refuses unknown, malformed and tampered keys", async () => {
    const key = await createKey(alice, { scopes: ["documents:write"] });
    const tampered = `${key.secret.slice(0, -1)}${key.secret.endsWith("A") ? "B" : "A"}`;
    for (const secret of [tampered, `trk_${"0".repeat(16)}_${"a".repeat(43)}`, "trk_nope"]) {
      expect((await probe(bearer(secret))).statusCode, secret).toBe(401);
      expect((await probe({ "x-api-key": secret })).statusCode, secret).toBe(401);
    }
  });

  it("refuses a key once it has expired", async () => {
    const soon = await createKey(alice, {
      scopes: ["documents:write"],
      expires_at: new Date(Date.now() + 1_000).toISOString(),
    });
    expect((await probe(bearer(soon.secret))).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await probe(bearer(soon.secret))).statusCode).toBe(401);

    const lapsed = await createKey(alice, { scopes: ["documents:write"] });
    await instance.resources.sql.withSystem((tx) =>
      tx.query("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1", [lapsed.id]),
    );
    expect((await probe(bearer(lapsed.secret))).statusCode).toBe(401);
  });

  it("stops working the moment it is revoked; revoking is idempotent and private", async () => {
    const key = await createKey(alice, { scopes: ["documents:write"] });
    expect((await probe(bearer(key.secret))).statusCode).toBe(200);
    expect((await revoke(bob, key.id)).statusCode).toBe(404);
    expect((await revoke(alice, key.id)).statusCode).toBe(204);
    expect((await probe(bearer(key.secret))).statusCode).toBe(401);
    expect((await probe({ "x-api-key": key.secret })).statusCode).toBe(401);
    expect((await revoke(alice, key.id)).statusCode).toBe(204);
    expect((await revoke(alice, "01234567-89ab-7def-8123-456789abcdef")).statusCode).toBe(404);

    const list = await app().inject({
      method: "GET",
      url: "/api/v1/api-keys",
      headers: bearer(alice.access_token),
    });
    const listed = pageSchema(apiKeySchema)
      .parse(list.json())
      .data.find((k) => k.id === key.id);
    expect(listed?.revoked_at).not.toBeNull();
    const audit = await instance.resources.sql.withSystem((tx) =>
      tx.query<{ action: string }>(
        "SELECT action FROM audit_events WHERE target_id = $1 ORDER BY created_at",
        [key.id],
      ),
    );
    expect(audit.map((row) => row.action)).toEqual(["api_key.created", "api_key.revoked"]);
    const events = await instance.resources.sql.withSystem((tx) =>
      tx.query<{ event_type: string }>(
        "SELECT event_type FROM outbox_events WHERE data->>'api_key_id' = $1 ORDER BY position",
        [key.id],
      ),
    );
    expect(events.map((row) => row.event_type)).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("records last_used_at at most once a minute", async () => {
    const key = await createKey(alice, { scopes: ["documents:write"] });
    const lastUsed = async () => {
      const [row] = await instance.resources.sql.withSystem((tx) =>
        tx.query<{ last_used_at: Date | null }>("SELECT last_used_at FROM api_keys WHERE id = $1", [key.id]),
      );
      return row?.last_used_at?.getTime() ?? null;
    };
    await probe(bearer(key.secret));
    // The call does not wait for this write.
    const first = await waitFor("last_used_at", async () => (await lastUsed()) ?? undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await probe(bearer(key.secret));
    // Time enough for a write the second call should not have started.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await lastUsed()).toBe(first);
  });
});
