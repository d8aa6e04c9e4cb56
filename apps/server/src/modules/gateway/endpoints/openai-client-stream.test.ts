import { describe, expect, it } from "vitest";
import { parseSse } from "../protocols/index.js";
import type { Target } from "../routing/plan-route.js";
import { OpenAiClientStream } from "./openai-client-stream.js";

const openAiTarget = { provider: { type: "openai_compatible" } } as unknown as Target;

/** A chunk the way OpenAI writes them when usage is asked for: `"usage":null` on all but the last. */
function delta(content: string): string {
  return JSON.stringify({
    id: "c1",
    object: "chat.completion.chunk",
    choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }],
    usage: null,
  });
}

const usageChunk = JSON.stringify({
  id: "c1",
  object: "chat.completion.chunk",
  choices: [],
  usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
});

async function eventsOf(frames: string): Promise<string[]> {
  const events: string[] = [];
  for await (const event of parseSse([frames])) events.push(event.data);
  return events;
}

describe("OpenAiClientStream, deltas passed on unread", () => {
  it("sends each delta as it came and takes the usage from the last chunk", async () => {
    const session = new OpenAiClientStream(openAiTarget, "fake-gpt", true, {});
    const upstream = [delta("Hello"), delta(" there"), usageChunk];
    let out = "";
    for (const data of upstream) out += session.push({ data }).join("");
    out += session.finish({ attempt_count: 1 }).join("");
    const events = await eventsOf(out);
    expect(events.slice(0, 2)).toEqual(upstream.slice(0, 2));
    expect(JSON.parse(events[2] ?? "")).toMatchObject({
      usage: { total_tokens: 8 },
      router_metadata: { attempt_count: 1 },
    });
    expect(session.usage()).toMatchObject({ inputTokens: 5, outputTokens: 3 });
  });

  it("still knows the text generated when the stream ends without usage (a disconnect)", () => {
    const session = new OpenAiClientStream(openAiTarget, "fake-gpt", true, {});
    for (const content of ["One", " two", " three"]) session.push({ data: delta(content) });
    expect(session.usage()).toBeNull();
    expect(session.generatedText()).toBe("One two three");
  });

  it("keeps the text in order across a long stream, however it is read", () => {
    const session = new OpenAiClientStream(openAiTarget, "fake-gpt", true, {});
    const words = Array.from({ length: 2_000 }, (_, i) => ` word${i}`);
    for (const word of words) session.push({ data: delta(word) });
    // The last delta carries usage, so it is parsed: the deltas before it are read first.
    const withUsage = delta("!").replace(
      '"usage":null',
      '"usage":{"prompt_tokens":5,"completion_tokens":2001}',
    );
    session.push({ data: withUsage });
    expect(session.usage()).toMatchObject({ outputTokens: 2001 });
    expect(session.generatedText()).toBe(`${words.join("")}!`);
  });

  it("finds a usage report whose key is escaped among the deltas passed on unread", () => {
    const session = new OpenAiClientStream(openAiTarget, "fake-gpt", true, {});
    session.push({ data: delta("Hi") });
    session.push({ data: usageChunk.replace('"usage"', '"\\u0075sage"') });
    expect(session.usage()).toMatchObject({ inputTokens: 5, outputTokens: 3 });
  });

  it("splices router metadata into the last delta when no usage chunk follows", async () => {
    const session = new OpenAiClientStream(openAiTarget, "fake-gpt", true, {});
    let out = session.push({ data: delta("Hi") }).join("");
    out += session.finish({ attempt_count: 2 }).join("");
    const events = await eventsOf(out);
    expect(JSON.parse(events[0] ?? "")).toMatchObject({
      choices: [{ delta: { content: "Hi" } }],
      router_metadata: { attempt_count: 2 },
    });
    expect(events[1]).toBe("[DONE]");
  });

  it("cuts the usage field the client did not ask for without re-encoding the rest", async () => {
    const session = new OpenAiClientStream(openAiTarget, "fake-gpt", false, {});
    let out = session.push({ data: delta("Hi") }).join("");
    out += session.push({ data: usageChunk }).join("");
    out += session.finish(null).join("");
    const events = await eventsOf(out);
    expect(events).toEqual([delta("Hi").replace(',"usage":null', ""), "[DONE]"]);
  });

  it("parses chunks that carry an error and sends them on", async () => {
    const session = new OpenAiClientStream(openAiTarget, "fake-gpt", true, {});
    const error = JSON.stringify({ error: { message: "overloaded", type: "server_error" } });
    const events = await eventsOf(session.push({ data: error }).join(""));
    expect(JSON.parse(events[0] ?? "")).toEqual(JSON.parse(error));
  });
});
