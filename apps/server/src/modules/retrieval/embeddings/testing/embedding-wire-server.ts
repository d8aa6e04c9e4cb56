import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createLexicalEmbedder } from "../providers/lexical-embedder.js";

/** A scripted answer for the next call; calls beyond the script succeed. */
export interface ScriptedReply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Hold the answer this long (timeouts). */
  readonly delayMs?: number;
}

export interface ReceivedCall {
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: { model?: string; input?: string[]; dimensions?: number; [key: string]: unknown };
  readonly at: number;
}

/**
 * A real HTTP server speaking OpenAI's `POST /v1/embeddings` and Ollama's `POST /api/embed`, for
 * the provider tests: deterministic vectors (the lexical embedder at the model's size), scripted
 * failures (429 with Retry-After, 5xx, 400, stalls) and a log of what it received.
 */
export async function startEmbeddingWireServer(options: { dimensions?: number; delayMs?: number } = {}) {
  const calls: ReceivedCall[] = [];
  const script: ScriptedReply[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as ReceivedCall["body"];
    calls.push({ path: req.url ?? "", headers: req.headers, body, at: Date.now() });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const scripted = script.shift();
      const delayMs = scripted?.delayMs ?? options.delayMs ?? 0;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (scripted && (scripted.status !== 200 || scripted.body !== undefined)) {
        const body = scripted.body ?? { error: { message: `scripted ${scripted.status}` } };
        return send(res, scripted.status, body, scripted.headers);
      }
      const input = Array.isArray(body.input) ? body.input : [String(body.input ?? "")];
      const dimensions = body.dimensions ?? options.dimensions ?? 8;
      const vectors = createLexicalEmbedder(Math.max(8, dimensions))
        .embed(input)
        .map((v) => v.slice(0, dimensions));
      if (req.url === "/api/embed") return send(res, 200, { model: body.model, embeddings: vectors });
      if (req.url === "/v1/embeddings") {
        // Reversed on purpose: clients must order by `index`, not by position.
        const data = vectors.map((embedding, index) => ({ object: "embedding", index, embedding })).reverse();
        return send(res, 200, {
          object: "list",
          data,
          model: body.model,
          usage: { prompt_tokens: 1, total_tokens: 1 },
        });
      }
      return send(res, 404, { error: { message: "no such route" } });
    } finally {
      inFlight -= 1;
    }
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    /** Queue answers for the next calls, in order. */
    script: (...replies: ScriptedReply[]) => script.push(...replies),
    maxInFlight: () => maxInFlight,
    reset() {
      calls.length = 0;
      script.length = 0;
      maxInFlight = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type EmbeddingWireServer = Awaited<ReturnType<typeof startEmbeddingWireServer>>;
