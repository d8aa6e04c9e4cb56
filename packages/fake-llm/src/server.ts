import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerState } from "./answer.js";
import { anthropicError } from "./anthropic-errors.js";
import { handleAnthropic } from "./anthropic-routes.js";
import { BehaviourScript } from "./behaviours.js";
import { header, IdSource, readJsonBody, sendJson } from "./http-io.js";
import { DEFAULT_MODELS } from "./models.js";
import { openAiError } from "./openai-errors.js";
import { handleOpenAi } from "./openai-routes.js";
import type { FakeLlm, FakeLlmOptions, LatencySettings, RecordedRequest } from "./types.js";

const SECRET_HEADERS = new Set(["authorization", "x-api-key"]);

function recordable(req: IncomingMessage, path: string, body: unknown): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !SECRET_HEADERS.has(name))
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { method: req.method ?? "GET", path, headers, body, responseEnd: "pending" };
}

async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: unknown,
  state: ServerState,
) {
  const anthropicClient = header(req, "anthropic-version") !== undefined;
  const method = req.method ?? "GET";
  if (method === "POST" && path === "/v1/chat/completions")
    return handleOpenAi(req, res, "chat", body, state);
  if (method === "POST" && path === "/v1/embeddings")
    return handleOpenAi(req, res, "embeddings", body, state);
  if (method === "POST" && path === "/v1/messages") return handleAnthropic(req, res, "messages", body, state);
  if (method === "POST" && path === "/v1/messages/count_tokens") {
    return handleAnthropic(req, res, "count_tokens", body, state);
  }
  if (method === "GET" && path === "/v1/models") {
    return anthropicClient
      ? handleAnthropic(req, res, "models", body, state)
      : handleOpenAi(req, res, "models", body, state);
  }
  const message = `Unknown request URL: ${method} ${path}.`;
  sendJson(
    res,
    anthropicClient ? anthropicError(404, { message }) : openAiError(404, { message, code: "unknown_url" }),
  );
}

/** Starts the fake upstream on 127.0.0.1 (an ephemeral port unless one is given). */
export async function startFakeLlm(options: FakeLlmOptions = {}): Promise<FakeLlm> {
  const requests: RecordedRequest[] = [];
  const record = options.recordRequests ?? true;
  const state: ServerState = {
    script: new BehaviourScript(),
    latency: { firstByteMs: 0, chunkIntervalMs: 0 },
    ids: new IdSource(),
    apiKey: options.apiKey,
    embeddingDimensions: options.embeddingDimensions ?? 1536,
    models: options.models ?? DEFAULT_MODELS,
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    void (async () => {
      const parsed = await readJsonBody(req);
      if (record) {
        const recorded = recordable(req, path, parsed.ok ? parsed.body : undefined);
        requests.push(recorded);
        // Tells a test whether its client's abort reached the upstream (a cancelled stream).
        res.once("close", () => {
          recorded.responseEnd = res.writableFinished ? "finished" : "closed_early";
        });
      }
      if (!parsed.ok) {
        const message = "We could not parse the JSON body of your request.";
        return sendJson(
          res,
          header(req, "anthropic-version") ? anthropicError(400, { message }) : openAiError(400, { message }),
        );
      }
      await dispatch(req, res, path, parsed.body, state);
    })().catch((cause: unknown) => {
      console.error("fake-llm: request failed", cause);
      if (!res.headersSent) sendJson(res, openAiError(500));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    requests,
    enqueue: (...behaviours) => state.script.enqueue(behaviours),
    setDefault: (behaviour) => state.script.setDefault(behaviour),
    setLatency: (settings: LatencySettings) => {
      state.latency = { ...state.latency, ...settings };
    },
    reset: () => {
      state.script.reset();
      state.latency = { firstByteMs: 0, chunkIntervalMs: 0 };
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Stalled requests never finish on their own; cut them so close() returns.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
