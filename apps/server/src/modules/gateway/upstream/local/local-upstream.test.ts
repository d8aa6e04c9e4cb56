import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../../platform/telemetry/logger.js";
import type { LocalRuntimeSettings, Provider } from "../../catalog/types.js";
import type { OpenAiChatCompletion, OpenAiChatCompletionChunk } from "../../protocols/index.js";
import { parseSse } from "../../protocols/index.js";
import type { UpstreamResponse } from "../upstream-client.js";
import { UpstreamFailure } from "../upstream-failure.js";
import { countPromptTokens } from "./generate-local-chat.js";
import { parseLocalChatRequest } from "./local-chat-request.js";
import { LocalModelPool } from "./local-model-pool.js";
import { LocalUpstream } from "./local-upstream.js";
import { testModelPath, testModelSkipReason } from "./testing/test-model.js";

const skip = testModelSkipReason();
if (skip) console.warn(`[skip] local GGUF provider: ${skip}`);

function providerWith(local: Partial<LocalRuntimeSettings> = {}, timeoutMs = 30_000): Provider {
  return {
    id: "00000000-0000-7000-8000-000000000001",
    name: "local",
    type: "local",
    baseUrl: "",
    apiKey: null,
    headers: {},
    timeoutMs,
    enabled: true,
    source: "config",
    local: { contextSize: 256, gpu: false, threads: 1, sequences: 1, ...local },
  };
}

const hello = [{ role: "user", content: "Hello there" }];

function requestBody(fields: Record<string, unknown>) {
  return JSON.stringify({ model: "tiny", messages: hello, temperature: 0, ...fields });
}

function send(
  upstream: LocalUpstream,
  fields: Record<string, unknown>,
  options: { provider?: Provider; signal?: AbortSignal; modelPath?: string } = {},
): Promise<UpstreamResponse> {
  const provider = options.provider ?? providerWith();
  return upstream.send({
    provider,
    path: "/chat/completions",
    body: requestBody(fields),
    timeoutMs: provider.timeoutMs,
    modelPath: options.modelPath ?? testModelPath,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

async function complete(upstream: LocalUpstream, fields: Record<string, unknown>, provider?: Provider) {
  const response = await send(upstream, fields, provider ? { provider } : {});
  return JSON.parse(await response.body.text()) as OpenAiChatCompletion;
}

async function failureOf(promise: Promise<unknown>): Promise<UpstreamFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamFailure);
    return error as UpstreamFailure;
  }
  throw new Error("expected an UpstreamFailure");
}

describe("a local upstream without node-llama-cpp", () => {
  it("fails the call with a message naming the package", async () => {
    const missing = Object.assign(new Error("Cannot find package 'node-llama-cpp'"), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    const upstream = new LocalUpstream(new LocalModelPool({ importer: () => Promise.reject(missing) }));
    const failure = await failureOf(send(upstream, { max_tokens: 1 }, { modelPath: "/nowhere/model.gguf" }));
    expect(failure.failureClass).toBe("server_error");
    expect(failure.message).toContain("node-llama-cpp");
    expect(failure.message).toContain("npm install node-llama-cpp");
    await upstream.close();
  });
});

describe.skipIf(skip !== undefined)("a local upstream running the tiny GGUF model", () => {
  const pool = new LocalModelPool({ logger: createLogger("silent") });
  const upstream = new LocalUpstream(pool);

  afterAll(async () => {
    await upstream.close();
  });

  it("loads a model once, however many first calls ask at the same time", async () => {
    const provider = providerWith();
    const [a, b] = await Promise.all([
      pool.load(provider, testModelPath),
      pool.load(provider, testModelPath),
    ]);
    expect(a).toBe(b);
    expect(a.contextSize).toBeGreaterThanOrEqual(256);
  });

  it("answers a JSON completion with usage from the model's own tokenizer", async () => {
    const completion = await complete(upstream, { max_tokens: 4 });
    expect(completion.object).toBe("chat.completion");
    expect(completion.model).toBe("tiny");
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(typeof completion.choices[0]?.message.content).toBe("string");
    const loaded = await pool.load(providerWith(), testModelPath);
    const prompt = countPromptTokens(loaded, parseLocalChatRequest(requestBody({})).history);
    expect(completion.usage).toEqual({
      prompt_tokens: prompt,
      completion_tokens: 4,
      total_tokens: prompt + 4,
    });
    // The chat template's framing counts: more than the two words of the message.
    expect(prompt).toBeGreaterThan(loaded.model.tokenize("Hello there").length);
  });

  it("stops at a stop sequence taken from its own greedy output, and counts the tokens sampled", async () => {
    const full = await complete(upstream, { max_tokens: 6 });
    const text = full.choices[0]?.message.content ?? "";
    const stop = text
      .slice(Math.floor(text.length / 2))
      .trim()
      .slice(0, 3);
    expect(stop.length).toBeGreaterThan(0);
    const stopped = await complete(upstream, { max_tokens: 6, stop: [stop] });
    expect(stopped.choices[0]?.finish_reason).toBe("stop");
    const content = stopped.choices[0]?.message.content ?? "";
    expect(content).not.toContain(stop);
    expect(text.startsWith(content)).toBe(true);
    expect(stopped.usage?.completion_tokens).toBeLessThanOrEqual(6);
    expect(stopped.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("repeats a sampled completion for the same seed", async () => {
    const a = await complete(upstream, { max_tokens: 3, temperature: 1, seed: 42 });
    const b = await complete(upstream, { max_tokens: 3, temperature: 1, seed: 42 });
    expect(b.choices[0]?.message.content).toBe(a.choices[0]?.message.content);
  });

  it("streams a role chunk, text chunks, the finish reason, the usage, then [DONE]", async () => {
    const response = await send(upstream, {
      max_tokens: 4,
      stream: true,
      stream_options: { include_usage: true },
    });
    const events: string[] = [];
    for await (const event of parseSse(response.body)) events.push(event.data);
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((data) => JSON.parse(data) as OpenAiChatCompletionChunk);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
    const usage = chunks.at(-1);
    expect(usage?.choices).toEqual([]);
    expect(usage?.usage?.completion_tokens).toBe(4);
    const finish = chunks.at(-2);
    expect(finish?.choices[0]?.finish_reason).toBe("length");
    const texts = chunks.slice(1, -2);
    expect(texts.length).toBeGreaterThan(0);
    for (const chunk of texts) expect(chunk.choices[0]?.finish_reason).toBeNull();
    const streamed = texts.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("");
    const json = await complete(upstream, { max_tokens: 4 });
    expect(streamed).toBe(json.choices[0]?.message.content);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
  });

  it("stops generating when the caller goes away, reports what was generated, and frees the sequence", async () => {
    const caller = new AbortController();
    // Room for far more tokens than are generated before the abort lands.
    const response = await send(upstream, { max_tokens: 200, stream: true }, { signal: caller.signal });
    const seen: OpenAiChatCompletionChunk[] = [];
    let failure: unknown = null;
    try {
      for await (const event of parseSse(response.body)) {
        const chunk = JSON.parse(event.data) as OpenAiChatCompletionChunk;
        seen.push(chunk);
        if (chunk.choices[0]?.delta.content) caller.abort();
      }
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(UpstreamFailure);
    const usage = seen.at(-1)?.usage;
    expect(usage?.completion_tokens).toBeGreaterThanOrEqual(1);
    expect(usage?.completion_tokens).toBeLessThan(200);
    expect(seen.some((chunk) => chunk.choices[0]?.finish_reason)).toBe(false);
    // With one sequence, a leaked lease would make this call wait and time out.
    const next = await complete(upstream, { max_tokens: 1 }, providerWith({}, 5_000));
    expect(next.usage?.completion_tokens).toBe(1);
  });

  it("queues calls while the model's sequences are taken, and times a waiter out", async () => {
    const provider = providerWith({ sequences: 1, contextSize: 128 });
    const loaded = await pool.load(provider, testModelPath);
    const held = await pool.lease(loaded, undefined, 1_000);
    const failure = await failureOf(
      complete(upstream, { max_tokens: 1 }, providerWith({ sequences: 1, contextSize: 128 }, 50)),
    );
    expect(failure.failureClass).toBe("timeout");
    expect(failure.message).toContain("no free sequence");
    const waiting = complete(upstream, { max_tokens: 2 }, provider);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loaded.slots.waiting).toBe(1);
    held.release();
    expect((await waiting).usage?.completion_tokens).toBe(2);
    const [a, b] = await Promise.all([
      complete(upstream, { max_tokens: 2 }, provider),
      complete(upstream, { max_tokens: 2 }, provider),
    ]);
    expect([a.usage?.completion_tokens, b.usage?.completion_tokens]).toEqual([2, 2]);
  });

  it("refuses a prompt longer than the context with context_length_exceeded", async () => {
    const long = [{ role: "user", content: "lorem ipsum dolor ".repeat(200) }];
    const failure = await failureOf(send(upstream, { messages: long, max_tokens: 1 }));
    expect(failure.failureClass).toBe("client_error");
    expect(failure.details.status).toBe(400);
    expect(JSON.parse(failure.details.body ?? "{}")).toMatchObject({
      error: { code: "context_length_exceeded", param: "messages" },
    });
  });

  it("caps the completion at the room left in the context", async () => {
    const loaded = await pool.load(providerWith(), testModelPath);
    const promptOf = (words: number) =>
      parseLocalChatRequest(
        requestBody({ messages: [{ role: "user", content: "lorem ipsum ".repeat(words) }] }),
      );
    let words = 1;
    while (countPromptTokens(loaded, promptOf(words + 1).history) < loaded.contextSize) words += 1;
    const room = loaded.contextSize - countPromptTokens(loaded, promptOf(words).history);
    expect(room).toBeGreaterThan(0);
    expect(room).toBeLessThan(8);
    const completion = await complete(upstream, {
      messages: [{ role: "user", content: "lorem ipsum ".repeat(words) }],
      max_tokens: 50,
    });
    const tokens = completion.usage?.completion_tokens ?? 0;
    expect(tokens).toBeGreaterThan(0);
    expect(tokens).toBeLessThanOrEqual(room);
    // `length` unless the model happened to end its answer first.
    expect(completion.choices[0]?.finish_reason).toBe(tokens === room ? "length" : "stop");
  });

  it("fails a call for a missing model file with its path", async () => {
    const failure = await failureOf(send(upstream, { max_tokens: 1 }, { modelPath: "/nowhere/model.gguf" }));
    expect(failure.failureClass).toBe("server_error");
    expect(failure.message).toContain("/nowhere/model.gguf");
  });

  it("generates off the event loop", async () => {
    await pool.load(providerWith(), testModelPath);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const startedAt = performance.now();
    const completion = await complete(upstream, { max_tokens: 200 });
    const elapsedMs = performance.now() - startedAt;
    delay.disable();
    const maxLagMs = delay.max / 1e6;
    const tokens = completion.usage?.completion_tokens;
    console.info(
      `[local] ${tokens} tokens in ${Math.round(elapsedMs)} ms; event loop max delay ${maxLagMs.toFixed(1)} ms`,
    );
    // Were generation on the event loop, one delay would span most of the call.
    expect(maxLagMs).toBeLessThan(Math.max(50, elapsedMs / 2));
  });
});
