import { describe, expect, it } from "vitest";
import { parseSse } from "../protocols/index.js";
import type { Target } from "../routing/plan-route.js";
import { openAiInbound } from "./openai-inbound.js";

// Only the provider's protocol matters to an OpenAI → OpenAI stream session.
const openAiTarget = { provider: { type: "openai_compatible" } } as unknown as Target;

/** Upstream chunks written the way some servers do (spacing, key order), to see whether they are re-encoded. */
const upstream = [
  '{"id":"c1", "object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}',
  '{"id":"c1", "object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}',
  '{"id":"c1", "object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
  '{"id":"c1", "object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}',
];

function run(wantsUsage: boolean, metadata: Record<string, unknown> | null): string {
  const session = openAiInbound.openStream(openAiTarget, "fake-gpt", wantsUsage, {});
  let out = "";
  for (const data of upstream) out += session.push({ data }).join("");
  out += session.push({ data: "[DONE]" }).join("");
  return out + session.finish(metadata).join("");
}

describe("OpenAI → OpenAI streams", () => {
  it("forward unchanged chunks byte for byte, and re-encode only the one carrying router metadata", async () => {
    const out = run(true, { attempt_count: 1 });
    for (const data of upstream.slice(0, 3)) expect(out).toContain(`data: ${data}\n\n`);
    expect(out).not.toContain(`data: ${upstream[3]}\n\n`);
    const events: string[] = [];
    for await (const event of parseSse([out])) events.push(event.data);
    expect(events).toHaveLength(5);
    expect(JSON.parse(events[3] ?? "")).toMatchObject({
      usage: { total_tokens: 6 },
      router_metadata: { attempt_count: 1 },
    });
    expect(events[4]).toBe("[DONE]");
  });

  it("drop the usage chunk the client did not ask for, and the `usage: null` field of the others", async () => {
    const withNullUsage = upstream[1]?.replace('"choices"', '"usage":null,"choices"') ?? "";
    const session = openAiInbound.openStream(openAiTarget, "fake-gpt", false, {});
    let out = session.push({ data: upstream[0] ?? "" }).join("");
    out += session.push({ data: withNullUsage }).join("");
    out += session.push({ data: upstream[3] ?? "" }).join("");
    out += session.finish(null).join("");
    const events: string[] = [];
    for await (const event of parseSse([out])) events.push(event.data);
    expect(events).toHaveLength(3);
    expect(events[0]).toBe(upstream[0]);
    expect(JSON.parse(events[1] ?? "")).not.toHaveProperty("usage");
    expect(events[2]).toBe("[DONE]");
  });
});
