import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createGatewayKey,
  type GatewayTestBed,
  startGatewayTestBed,
} from "./testing/gateway-test-instance.js";

let bed: GatewayTestBed;
let secret: string;
let anthropic: Anthropic;
const betas = ["prompt-caching-2024-07-31", "token-efficient-tools-2025-02-19"];
const lastUpstream = () => bed.fake.requests.at(-1);

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${bed.origin}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  bed = await startGatewayTestBed();
  secret = (await createGatewayKey(bed)).key.secret;
  anthropic = new Anthropic({ apiKey: secret, baseURL: bed.origin, maxRetries: 0 });
});
afterAll(async () => {
  await bed?.close();
});
beforeEach(() => bed.fake.reset());

describe("Anthropic request headers", () => {
  const message = {
    model: "fake-claude",
    max_tokens: 32,
    messages: [{ role: "user" as const, content: "Hi" }],
  };

  it("reach an Anthropic upstream as the client sent them: anthropic-beta and anthropic-version", async () => {
    await anthropic.beta.messages.create({ ...message, betas });
    expect(lastUpstream()?.path).toBe("/v1/messages");
    expect(lastUpstream()?.headers["anthropic-beta"]).toBe(betas.join(","));

    const res = await post("/v1/messages", message, {
      "anthropic-version": "2024-10-22",
      "anthropic-beta": "output-128k-2025-02-19",
    });
    expect(res.status).toBe(200);
    expect(lastUpstream()?.headers).toMatchObject({
      "anthropic-version": "2024-10-22",
      "anthropic-beta": "output-128k-2025-02-19",
    });
  });

  it("reach it on streams too", async () => {
    const stream = anthropic.beta.messages.stream({ ...message, betas });
    await stream.finalMessage();
    expect(lastUpstream()?.body).toMatchObject({ stream: true });
    expect(lastUpstream()?.headers["anthropic-beta"]).toBe(betas.join(","));
  });

  it("stay away from an OpenAI-protocol upstream the call is translated for", async () => {
    await anthropic.beta.messages.create({ ...message, model: "fake-gpt", betas });
    expect(lastUpstream()?.path).toBe("/v1/chat/completions");
    expect(lastUpstream()?.headers["anthropic-beta"]).toBeUndefined();
    expect(lastUpstream()?.headers["anthropic-version"]).toBeUndefined();
  });
});

describe("X-Tributary-Overhead-Ms", () => {
  const overheadOf = (res: Response) => res.headers.get("x-tributary-overhead-ms");
  const chat = { model: "fake-gpt", messages: [{ role: "user", content: "Hi" }] };

  it("is on every answer: completions, streams, messages, embeddings, models and errors", async () => {
    const answers: Array<[string, Response]> = [
      ["chat", await post("/v1/chat/completions", chat)],
      ["stream", await post("/v1/chat/completions", { ...chat, stream: true })],
      ["alias", await post("/api/v1/chat/completions", chat)],
      ["messages", await post("/v1/messages", { ...chat, model: "fake-claude", max_tokens: 16 })],
      ["embeddings", await post("/v1/embeddings", { model: "fake-embed", input: "hello" })],
      ["models", await fetch(`${bed.origin}/v1/models`, { headers: { authorization: `Bearer ${secret}` } })],
      ["unknown model", await post("/v1/chat/completions", { ...chat, model: "no-such-model" })],
      ["bad key", await post("/v1/chat/completions", chat, { authorization: "Bearer trk_nope" })],
      ["bad JSON", await post("/v1/chat/completions", "{not json")],
      ["bad JSON, Anthropic", await post("/v1/messages", "{not json")],
    ];
    const statuses = await Promise.all(
      answers.map(async ([name, res]) => {
        await res.arrayBuffer();
        return [name, res.status, Number.isFinite(Number(overheadOf(res) ?? "x"))];
      }),
    );
    expect(statuses).toEqual([
      ["chat", 200, true],
      ["stream", 200, true],
      ["alias", 200, true],
      ["messages", 200, true],
      ["embeddings", 200, true],
      ["models", 200, true],
      ["unknown model", 400, true],
      ["bad key", 401, true],
      ["bad JSON", 400, true],
      ["bad JSON, Anthropic", 400, true],
    ]);
  });
});

describe("gateway metrics on /metrics", () => {
  it("count requests by model, provider and status, overhead, tokens by class and cost", async () => {
    const openai = new OpenAI({ apiKey: secret, baseURL: `${bed.origin}/v1`, maxRetries: 0 });
    await openai.chat.completions.create({ model: "fake-gpt", messages: [{ role: "user", content: "Hi" }] });
    await openai.chat.completions
      .create({ model: "no-such-model", messages: [{ role: "user", content: "Hi" }] })
      .catch(() => {});
    const app = bed.instance.app;
    if (!app) throw new Error("no app");
    const res = await app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    const lines = res.body.split("\n");
    const sample = (name: string, labels: Record<string, string> = {}) => {
      const line = lines.find(
        (l) =>
          (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
          Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)),
      );
      return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
    };
    expect(
      sample("gateway_requests_total", { model: "fake-gpt", provider: "openai-up", status: "200" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample("gateway_requests_total", { model: "unknown", provider: "none", status: "400" }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample("gateway_overhead_seconds_count")).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.startsWith("gateway_overhead_seconds_bucket{le="))).toBe(true);
    expect(sample("gateway_tokens_total", { class: "input" })).toBeGreaterThan(0);
    expect(sample("gateway_tokens_total", { class: "output" })).toBeGreaterThan(0);
    expect(sample("gateway_cost_usd_total")).toBeGreaterThan(0);
  });
});
