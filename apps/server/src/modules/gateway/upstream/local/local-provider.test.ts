import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../../../testing/wait-for.js";
import {
  createGatewayKey,
  type GatewayTestBed,
  startGatewayTestBed,
} from "../../testing/gateway-test-instance.js";
import { localTestProvider, testModelSkipReason } from "./testing/test-model.js";

const skip = testModelSkipReason();
if (skip) console.warn(`[skip] local GGUF provider through the gateway: ${skip}`);

interface UsageRow {
  input_tokens: number;
  output_tokens: number;
  cost_usd: string;
  estimated: boolean;
  status: string;
  provider: string;
  stream: boolean;
  endpoint: string;
}

type RouterMetadata = { router_metadata?: Record<string, unknown> };

describe.skipIf(skip !== undefined)("the local provider through the gateway", () => {
  let bed: GatewayTestBed;
  let openai: OpenAI;
  let anthropic: Anthropic;
  const messages = [{ role: "user" as const, content: "Hello there" }];

  beforeAll(async () => {
    bed = await startGatewayTestBed({}, {}, [localTestProvider()]);
    const { key } = await createGatewayKey(bed);
    openai = new OpenAI({ apiKey: key.secret, baseURL: `${bed.origin}/v1`, maxRetries: 0 });
    anthropic = new Anthropic({ apiKey: key.secret, baseURL: bed.origin, maxRetries: 0 });
  });

  afterAll(async () => {
    await bed?.close();
  });

  /** The usage record of the call tagged with this TAS request `id`. */
  function usageOf(requestId: string): Promise<UsageRow> {
    return waitFor(`the usage record of ${requestId}`, async () => {
      const rows = await bed.instance.resources.sql.withSystem((tx) =>
        tx.query<UsageRow>(
          `SELECT input_tokens, output_tokens, cost_usd, estimated, status, provider, stream, endpoint
             FROM usage_records WHERE request_id = $1`,
          [requestId],
        ),
      );
      return rows[0];
    });
  }

  function latestMessagesUsage(stream: boolean): Promise<UsageRow> {
    return waitFor("the usage record of a Messages call", async () => {
      const rows = await bed.instance.resources.sql.withSystem((tx) =>
        tx.query<UsageRow>(
          `SELECT input_tokens, output_tokens, cost_usd, estimated, status, provider, stream, endpoint
             FROM usage_records WHERE provider = 'local' AND endpoint = 'messages' AND stream = $1
            ORDER BY created_at DESC LIMIT 1`,
          [stream],
        ),
      );
      return rows[0];
    });
  }

  it("answers an OpenAI client, metered with the model's own token counts at price 0", async () => {
    const completion = await openai.chat.completions.create({
      model: "tiny",
      messages,
      max_tokens: 4,
      temperature: 0,
      id: "local-json",
    } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(completion.usage?.completion_tokens).toBe(4);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    const metadata = (completion as unknown as RouterMetadata).router_metadata;
    expect(metadata).toMatchObject({ provider: "local", actual_cost: 0, attempt_count: 1 });
    expect(await usageOf("local-json")).toMatchObject({
      input_tokens: completion.usage?.prompt_tokens,
      output_tokens: 4,
      estimated: false,
      status: "success",
      provider: "local",
    });
    expect(Number((await usageOf("local-json")).cost_usd)).toBe(0);
  });

  it("streams to an OpenAI client: role first, text, finish reason, usage last", async () => {
    const stream = await openai.chat.completions.create({
      model: "tiny",
      messages,
      max_tokens: 4,
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
      id: "local-stream",
    } as OpenAI.ChatCompletionCreateParamsStreaming);
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0]?.choices[0]?.delta.role).toBe("assistant");
    const finishes = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason));
    expect(finishes.filter(Boolean)).toEqual(["length"]);
    const last = chunks.at(-1);
    expect(last?.usage?.completion_tokens).toBe(4);
    expect((last as unknown as RouterMetadata).router_metadata).toMatchObject({ provider: "local" });
    expect(await usageOf("local-stream")).toMatchObject({
      input_tokens: last?.usage?.prompt_tokens,
      output_tokens: 4,
      estimated: false,
      stream: true,
    });
  });

  it("answers an Anthropic client through translation, streaming included", async () => {
    const message = await anthropic.messages.create({ model: "tiny", max_tokens: 3, messages });
    expect(message.stop_reason).toBe("max_tokens");
    expect(message.usage.output_tokens).toBe(3);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(await latestMessagesUsage(false)).toMatchObject({
      input_tokens: message.usage.input_tokens,
      output_tokens: 3,
      estimated: false,
    });

    const stream = anthropic.messages.stream({ model: "tiny", max_tokens: 3, messages });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalMessage();
    expect(types[0]).toBe("message_start");
    expect(types.at(-1)).toBe("message_stop");
    expect(types.at(-2)).toBe("message_delta");
    expect(types).toContain("content_block_delta");
    expect(final.stop_reason).toBe("max_tokens");
    expect(final.usage.output_tokens).toBe(3);
    expect(await latestMessagesUsage(true)).toMatchObject({ output_tokens: 3, estimated: false });
  });

  it("stops generating when the client disconnects, bills what was generated, and frees the model", async () => {
    const stream = await openai.chat.completions.create({
      model: "tiny",
      messages,
      // Far more than is generated before the disconnect lands.
      max_tokens: 200,
      stream: true,
      id: "local-disconnect",
    } as OpenAI.ChatCompletionCreateParamsStreaming);
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) break;
    }
    const row = await usageOf("local-disconnect");
    expect(row).toMatchObject({ status: "cancelled", provider: "local" });
    expect(row.output_tokens).toBeGreaterThanOrEqual(1);
    expect(row.output_tokens).toBeLessThan(200);
    expect(row.input_tokens).toBeGreaterThan(0);
    // The provider has one sequence: this call waits for it unless the cancelled one let go.
    const next = await openai.chat.completions.create({ model: "tiny", messages, max_tokens: 1 });
    expect(next.usage?.completion_tokens).toBe(1);
  });

  it("refuses a prompt longer than the context in each protocol's error shape", async () => {
    const long = [{ role: "user" as const, content: "lorem ipsum dolor ".repeat(200) }];
    const openAiError = await openai.chat.completions
      .create({ model: "tiny", messages: long, max_tokens: 1 })
      .catch((error: unknown) => error);
    expect(openAiError).toBeInstanceOf(OpenAI.BadRequestError);
    expect((openAiError as InstanceType<typeof OpenAI.BadRequestError>).code).toBe("context_length_exceeded");
    const anthropicError = await anthropic.messages
      .create({ model: "tiny", messages: long, max_tokens: 1 })
      .catch((error: unknown) => error);
    expect(anthropicError).toBeInstanceOf(Anthropic.BadRequestError);
  });
});
