/**
 * A minimal cross-protocol proxy built from this folder's translators, for tests that put the
 * official SDKs on the client side: OpenAI clients on /v1/chat/completions are served by the
 * upstream's Anthropic endpoint, Anthropic clients on /v1/messages by its OpenAI endpoint. It is
 * what the gateway does, minus routing, auth and metering.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AnthropicStreamToOpenAi } from "../anthropic-stream-to-openai.js";
import { anthropicRequestToOpenAi, openAiResponseToAnthropic } from "../anthropic-to-openai.js";
import type { AnthropicMessageResponse, AnthropicRequest } from "../anthropic-types.js";
import { anthropicErrorToOpenAi, openAiErrorToAnthropic, ProtocolTranslationError } from "../errors.js";
import { OpenAiStreamToAnthropic } from "../openai-stream-to-anthropic.js";
import {
  anthropicResponseToOpenAi,
  openAiRequestToAnthropic,
  structuredOutputToolName,
} from "../openai-to-anthropic.js";
import type { OpenAiChatCompletion, OpenAiChatRequest } from "../openai-types.js";
import { formatAnthropicSse, formatSse, OPENAI_DONE_SSE } from "../sse.js";
import { callUpstream, openStream } from "./fake-upstream.js";

export interface TranslatingProxy {
  readonly url: string;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function startSse(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
}

async function serveOpenAiClient(
  upstream: string,
  body: OpenAiChatRequest,
  res: ServerResponse,
): Promise<void> {
  const request = openAiRequestToAnthropic(body, {
    upstreamModel: "claude-upstream",
    defaultMaxTokens: 1024,
  });
  const structuredOutputTool = structuredOutputToolName(body);
  if (request.stream !== true) {
    const answer = await callUpstream(upstream, "anthropic", request);
    if (answer.status !== 200) {
      const translated = anthropicErrorToOpenAi(answer.status, answer.body);
      return sendJson(res, translated.status, translated.body);
    }
    const options = { model: body.model, ...(structuredOutputTool ? { structuredOutputTool } : {}) };
    return sendJson(res, 200, anthropicResponseToOpenAi(answer.body as AnthropicMessageResponse, options));
  }
  const { response, messages } = await openStream(upstream, "anthropic", request);
  if (response.status !== 200) {
    const translated = anthropicErrorToOpenAi(response.status, await response.json());
    return sendJson(res, translated.status, translated.body);
  }
  const translator = new AnthropicStreamToOpenAi({
    model: body.model,
    includeUsage: body.stream_options?.include_usage === true,
    ...(structuredOutputTool ? { structuredOutputTool } : {}),
  });
  startSse(res);
  for await (const message of messages) {
    for (const item of translator.pushData(message.data)) res.write(formatSse(item));
  }
  res.end(OPENAI_DONE_SSE);
}

async function serveAnthropicClient(
  upstream: string,
  body: AnthropicRequest,
  res: ServerResponse,
): Promise<void> {
  const request = anthropicRequestToOpenAi(body, { upstreamModel: "gpt-upstream" });
  if (request.stream !== true) {
    const answer = await callUpstream(upstream, "openai", request);
    if (answer.status !== 200) {
      const translated = openAiErrorToAnthropic(answer.status, answer.body);
      return sendJson(res, translated.status, translated.body);
    }
    return sendJson(
      res,
      200,
      openAiResponseToAnthropic(answer.body as OpenAiChatCompletion, { model: body.model }),
    );
  }
  const { response, messages } = await openStream(upstream, "openai", request);
  if (response.status !== 200) {
    const translated = openAiErrorToAnthropic(response.status, await response.json());
    return sendJson(res, translated.status, translated.body);
  }
  const translator = new OpenAiStreamToAnthropic({ model: body.model });
  startSse(res);
  for await (const message of messages) {
    for (const event of translator.pushData(message.data)) res.write(formatAnthropicSse(event));
  }
  res.end();
}

async function handle(upstream: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  try {
    if (req.url === "/v1/chat/completions")
      return await serveOpenAiClient(upstream, body as OpenAiChatRequest, res);
    if (req.url === "/v1/messages")
      return await serveAnthropicClient(upstream, body as AnthropicRequest, res);
    sendJson(res, 404, { error: { message: "not found" } });
  } catch (error) {
    if (!(error instanceof ProtocolTranslationError)) throw error;
    sendJson(res, error.status, req.url === "/v1/messages" ? error.toAnthropic() : error.toOpenAi());
  }
}

export async function startTranslatingProxy(upstreamUrl: string): Promise<TranslatingProxy> {
  const server: Server = createServer((req, res) => {
    handle(upstreamUrl, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error) } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
