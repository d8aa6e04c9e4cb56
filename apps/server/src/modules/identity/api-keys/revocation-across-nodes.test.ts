import { randomBytes } from "node:crypto";
import { createdApiKeySchema, type TokenResponse } from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Environment } from "../../../config/index.js";
import { skipReason, testServices } from "../../../config/test-services.js";
import type { RunningTributary } from "../../../runtime/start-tributary.js";
import { startInstanceOnSharedSql } from "../../../testing/shared-sql-instance.js";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { bearer, registerAccount } from "../testing/identity-client.js";
import { apiKeyProbeRoutes } from "../testing/probe-routes.js";

const services = testServices();
const redisSkip = skipReason(services, "REDIS_URL");
if (redisSkip) console.info(`[skip] API key revocation across nodes sharing Redis: ${redisSkip}`);

/** Two API nodes on one database; `env` decides whether they share a cache. */
function twoNodes(env: Environment) {
  const nodes: { a?: TestInstance; b?: RunningTributary; owner?: TokenResponse } = {};
  beforeAll(async () => {
    const shared = { TRIBUTARY_SECRET_KEY: randomBytes(32).toString("base64"), ...env };
    nodes.a = await startTestInstance({ env: shared, routes: apiKeyProbeRoutes() });
    nodes.b = await startInstanceOnSharedSql(nodes.a.resources.sql, {
      env: shared,
      routes: apiKeyProbeRoutes(),
    });
    nodes.owner = await registerAccount(appOf(nodes.a));
  });
  afterAll(async () => {
    await nodes.b?.close();
    await nodes.a?.close();
  });
  return nodes;
}

function appOf(node: { app: FastifyInstance | null } | undefined): FastifyInstance {
  if (!node?.app) throw new Error("no app");
  return node.app;
}

async function createKey(node: FastifyInstance, owner: TokenResponse | undefined) {
  if (!owner) throw new Error("no owner");
  const res = await node.inject({
    method: "POST",
    url: "/api/v1/api-keys",
    headers: bearer(owner.access_token),
    payload: { name: "cross-node", scopes: ["documents:write"] },
  });
  return { key: createdApiKeySchema.parse(res.json()), owner };
}

const useKey = (node: FastifyInstance, secret: string) =>
  node.inject({ method: "POST", url: "/api/v1/test/documents", headers: bearer(secret) });
/** The first account of the schema is the platform admin. */
const suspend = (node: FastifyInstance, admin: TokenResponse | undefined, victim: TokenResponse) => {
  if (!admin) throw new Error("no admin");
  return node.inject({
    method: "POST",
    url: `/api/v1/admin/users/${victim.user.id}/suspend`,
    headers: bearer(admin.access_token),
  });
};
const revokeKey = (node: FastifyInstance, owner: TokenResponse, id: string) =>
  node.inject({ method: "DELETE", url: `/api/v1/api-keys/${id}`, headers: bearer(owner.access_token) });

describe.skipIf(redisSkip !== undefined)("API key revocation across nodes sharing Redis", () => {
  const nodes = twoNodes({ REDIS_URL: services.redisUrl });

  it("is refused by the other node immediately after revocation", async () => {
    const [a, b] = [appOf(nodes.a), appOf(nodes.b)];
    const { key, owner } = await createKey(a, nodes.owner);
    // Both nodes have verified (and so cached) the key.
    expect((await useKey(a, key.secret)).statusCode).toBe(200);
    expect((await useKey(b, key.secret)).statusCode).toBe(200);
    expect((await revokeKey(a, owner, key.id)).statusCode).toBe(204);
    expect((await useKey(b, key.secret)).statusCode).toBe(401);
    expect((await useKey(a, key.secret)).statusCode).toBe(401);
  });

  it("refuses a suspended user's key on the other node as soon as the broadcast arrives", async () => {
    const [a, b] = [appOf(nodes.a), appOf(nodes.b)];
    const victim = await registerAccount(a, "suspended");
    const { key } = await createKey(a, victim);
    // Node b has just read the owner's status, so without the broadcast it would keep it a second.
    expect((await useKey(b, key.secret)).statusCode).toBe(200);
    const started = performance.now();
    expect((await suspend(a, nodes.owner, victim)).statusCode).toBe(200);
    let status = 200;
    while (status === 200 && performance.now() - started < 500) {
      status = (await useKey(b, key.secret)).statusCode;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(status).toBe(401);
  });
});

describe("API key revocation across nodes without a shared cache", () => {
  const nodes = twoNodes({});

  it("is refused by the revoking node at once and by every other node within a second", async () => {
    const [a, b] = [appOf(nodes.a), appOf(nodes.b)];
    const { key, owner } = await createKey(a, nodes.owner);
    expect((await useKey(b, key.secret)).statusCode).toBe(200);
    expect((await revokeKey(a, owner, key.id)).statusCode).toBe(204);
    expect((await useKey(a, key.secret)).statusCode).toBe(401);
    // Node b cannot be told; its per-node cache entry lives at most one second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await useKey(b, key.secret)).statusCode).toBe(401);
  });

  it("refuses a suspended user's key on the suspending node at once and on every other node within a second", async () => {
    const [a, b] = [appOf(nodes.a), appOf(nodes.b)];
    const victim = await registerAccount(a, "suspended");
    const { key } = await createKey(a, victim);
    expect((await useKey(a, key.secret)).statusCode).toBe(200);
    expect((await useKey(b, key.secret)).statusCode).toBe(200);
    expect((await suspend(a, nodes.owner, victim)).statusCode).toBe(200);
    expect((await useKey(a, key.secret)).statusCode).toBe(401);
    // Node b hears nothing (no shared cache to broadcast on); its status entries live a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await useKey(b, key.secret)).statusCode).toBe(401);
  });
});
