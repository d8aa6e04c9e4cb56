import { type FakeLlm, startFakeLlm } from "@tributary/fake-llm";
import type { FastifyInstance } from "fastify";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { createFixtureSearch, type FixtureSearch } from "./fixture-search.js";

export interface AssistantTestBed {
  readonly instance: TestInstance;
  readonly app: FastifyInstance;
  readonly search: FixtureSearch;
  /** The fake upstream behind the gateway; null for a bed without model providers. */
  readonly fake: FakeLlm | null;
  close(): Promise<void>;
}

/**
 * A Tributary whose assistant searches fixture passages. With `models`, the gateway declares the
 * fake upstream as an OpenAI-compatible provider (`fake-gpt`, and `fake-small` with a 2k context
 * window); without, no provider is configured (extractive mode).
 */
export async function startAssistantTestBed(options: {
  readonly models: boolean;
  readonly env?: Record<string, string>;
}): Promise<AssistantTestBed> {
  const fake = options.models ? await startFakeLlm() : null;
  const providers = fake
    ? [
        {
          name: "openai-up",
          type: "openai_compatible",
          base_url: `${fake.url}/v1`,
          api_key: "sk-upstream",
          timeout_ms: 5_000,
          models: [
            {
              name: "fake-gpt",
              prices: { input: 1, output: 2 },
              capabilities: ["streaming"],
              quality_rank: 50,
            },
            {
              name: "fake-small",
              prices: { input: 2, output: 4 },
              capabilities: ["streaming"],
              context_window: 2048,
              max_output_tokens: 512,
            },
          ],
        },
      ]
    : [];
  const search = createFixtureSearch();
  const instance = await startTestInstance({
    env: {
      ...(fake ? { TRIBUTARY_PROVIDERS: JSON.stringify(providers) } : {}),
      GATEWAY_USAGE_FLUSH_MS: "50",
      ...options.env,
    },
    searchSpace: search.searchSpace,
  });
  const app = instance.app;
  if (!app) throw new Error("no app");
  return {
    instance,
    app,
    search,
    fake,
    async close() {
      await instance.close();
      await fake?.close();
    },
  };
}

/** The events of a `text/event-stream` body, in order. */
export function sseEvents(body: string): Array<{ event: string; data: unknown }> {
  return body
    .split("\n\n")
    .filter((block) => block.trim().length > 0)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6))
        .join("\n");
      return { event, data: JSON.parse(data) as unknown };
    });
}
