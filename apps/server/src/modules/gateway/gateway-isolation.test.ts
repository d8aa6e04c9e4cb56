import { usageResponseSchema } from "@tributary/contracts";
import { replyText } from "@tributary/fake-llm";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callAs } from "../usage/testing/tenant-accounts.js";
import { waitForUsageRows } from "../usage/testing/usage-rows.js";
import {
  createGatewayKey,
  type GatewayTestBed,
  startGatewayTestBed,
} from "./testing/gateway-test-instance.js";

let bed: GatewayTestBed;
const upstreamCalls = () => bed.fake.requests.filter((r) => r.path === "/v1/chat/completions").length;

/** A new account (its own personal tenant) with a gateway key that opted in to the cache. */
async function newTenant() {
  const { owner, key } = await createGatewayKey(bed, { cache: true });
  const tenantId = owner.user.personal_tenant_id;
  const spaceId = owner.user.personal_space_id;
  if (!tenantId || !spaceId) throw new Error("no personal tenant");
  return {
    owner,
    key,
    tenantId,
    spaceId,
    openai: new OpenAI({ apiKey: key.secret, baseURL: `${bed.origin}/v1`, maxRetries: 0 }),
  };
}
type Tenant = Awaited<ReturnType<typeof newTenant>>;

async function complete(tenant: Tenant, content: string) {
  const { data, response } = await tenant.openai.chat.completions
    .create({ model: "fake-gpt", messages: [{ role: "user", content }] })
    .withResponse();
  return { text: data.choices[0]?.message.content, cache: response.headers.get("x-tributary-cache") };
}

async function usageOf(token: string, spaceId: string, query = "") {
  const app = bed.instance.app;
  if (!app) throw new Error("no app");
  return callAs(app, token, "GET", `/api/v1/usage${query}`, { space: spaceId });
}

beforeAll(async () => {
  bed = await startGatewayTestBed();
});
afterAll(async () => {
  await bed?.close();
});
beforeEach(() => bed.fake.reset());

describe("the response cache", () => {
  it("never serves one tenant's cached answer to another sending the same bytes", async () => {
    const [a, b] = [await newTenant(), await newTenant()];
    const prompt = `What is the secret? ${Date.now()}`;
    bed.fake.enqueue(replyText("A's secret answer"), replyText("B's own answer"));

    expect(await complete(a, prompt)).toEqual({ text: "A's secret answer", cache: "miss" });
    expect(await complete(a, prompt)).toEqual({ text: "A's secret answer", cache: "hit" });
    // Byte-identical request from another tenant: a miss that reaches the provider.
    expect(await complete(b, prompt)).toEqual({ text: "B's own answer", cache: "miss" });
    expect(await complete(b, prompt)).toEqual({ text: "B's own answer", cache: "hit" });
    expect(upstreamCalls()).toBe(2);

    const [rowsA, rowsB] = await Promise.all([
      waitForUsageRows(bed.instance.resources.sql, a.tenantId, 2),
      waitForUsageRows(bed.instance.resources.sql, b.tenantId, 2),
    ]);
    expect(rowsA.map((row) => row.cache_hit)).toEqual([false, true]);
    expect(rowsB.map((row) => row.cache_hit)).toEqual([false, true]);
    // Hits cost the tenant nothing at the provider.
    expect(rowsA[1]?.cost_usd).toBe(0);
  });

  it("is bypassed by streams: they neither serve nor store an entry", async () => {
    const tenant = await newTenant();
    const content = `Stream or not ${Date.now()}`;
    const body = { model: "fake-gpt", messages: [{ role: "user" as const, content }] };
    expect((await complete(tenant, content)).cache).toBe("miss");
    expect((await complete(tenant, content)).cache).toBe("hit");
    expect(upstreamCalls()).toBe(1);

    for (let i = 0; i < 2; i++) {
      // Asked for explicitly, still bypassed: a stream is never cached.
      const { data: stream, response } = await tenant.openai.chat.completions
        .create({ ...body, stream: true }, { headers: { "x-tributary-cache": "on" } })
        .withResponse();
      let text = "";
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
      expect(text).toContain(content);
      expect(response.headers.get("x-tributary-cache")).toBeNull();
    }
    // Each stream went to the provider: none was served from, or stored in, the cache.
    expect(upstreamCalls()).toBe(3);
    const rows = await waitForUsageRows(bed.instance.resources.sql, tenant.tenantId, 4);
    expect(rows.map((row) => [row.stream, row.cache_hit])).toEqual([
      [false, false],
      [false, true],
      [true, false],
      [true, false],
    ]);
  });
});

describe("usage data", () => {
  it("shows each tenant only its own records, whatever the filters", async () => {
    const [a, b] = [await newTenant(), await newTenant()];
    await complete(a, `A one ${Date.now()}`);
    await complete(a, `A two ${Date.now()}`);
    await complete(b, `B one ${Date.now()}`);
    await waitForUsageRows(bed.instance.resources.sql, a.tenantId, 2);
    await waitForUsageRows(bed.instance.resources.sql, b.tenantId, 1);

    const ownOf = async (tenant: Tenant, query = "") => {
      const reply = await usageOf(tenant.owner.access_token, tenant.spaceId, query);
      expect(reply.status).toBe(200);
      return usageResponseSchema.parse(reply.body);
    };
    expect((await ownOf(a)).totals.requests).toBe(2);
    const seenByB = await ownOf(b, "?group_by=api_key");
    expect(seenByB.totals.requests).toBe(1);
    expect(seenByB.groups?.map((g) => g.group)).toEqual([b.key.id]);
    // Naming the other tenant's key or user filters within B's own tenant: nothing.
    expect((await ownOf(b, `?api_key_id=${a.key.id}`)).totals.requests).toBe(0);
    expect((await ownOf(b, `?user_id=${a.owner.user.id}`)).totals.requests).toBe(0);
    expect((await ownOf(b, `?group_by=user`)).groups?.map((g) => g.group)).toEqual([b.owner.user.id]);
    // Naming the other tenant's space is refused outright, for an account and for a gateway key.
    expect((await usageOf(b.owner.access_token, a.spaceId)).status).toBe(404);
    expect((await usageOf(b.key.secret, a.spaceId)).status).toBe(404);
    // A gateway key reads its own tenant's usage.
    const byKey = await usageOf(a.key.secret, a.spaceId);
    expect(usageResponseSchema.parse(byKey.body).totals.requests).toBe(2);
  });
});
