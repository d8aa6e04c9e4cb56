import { type Dispatcher, errors, Pool } from "undici";
import type { Provider } from "../catalog/types.js";
import { classifyStatus, retryAfterMsOf, UpstreamFailure } from "./upstream-failure.js";

export interface UpstreamRequest {
  readonly provider: Provider;
  /** Appended to the provider's base URL, e.g. `/chat/completions` or `/v1/messages`. */
  readonly path: string;
  readonly body: string;
  /** Extra headers (e.g. `anthropic-beta` relayed from the client). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** Until the response headers arrive; a stream must then produce a byte within `timeoutMs` each time. */
  readonly timeoutMs: number;
  /** For `local` providers: the deployment's GGUF file. */
  readonly modelPath?: string;
}

interface UpstreamAddress {
  readonly origin: string;
  /** Path and query string, as undici sends them. */
  readonly path: string;
}

/** What the pipeline reads of a response: all of it as text, or its bytes as they come (SSE). */
export interface UpstreamBody extends AsyncIterable<Uint8Array | string> {
  text(): Promise<string>;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: UpstreamBody;
}

/**
 * Keep-alive connection pools per upstream origin. undici's pool is several times faster than
 * `fetch` and lets us bound connections; the gateway's overhead budget is well under a millisecond.
 */
export class UpstreamClient {
  private readonly pools = new Map<string, Pool>();
  /** Where each provider base URL and path lead, parsed once rather than with `new URL` per call. */
  private readonly addresses = new Map<string, Map<string, UpstreamAddress>>();

  constructor(private readonly connectionsPerOrigin = 256) {}

  /** Sends the request; resolves with a 2xx response, throws a classified `UpstreamFailure` otherwise. */
  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const address = this.addressOf(request.provider.baseUrl, request.path);
    const pool = this.poolFor(address.origin);
    let response: Dispatcher.ResponseData;
    try {
      response = await pool.request({
        method: "POST",
        path: address.path,
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...authHeaders(request.provider),
          ...request.provider.headers,
          ...request.headers,
        },
        body: request.body,
        signal: request.signal,
        headersTimeout: request.timeoutMs,
        bodyTimeout: request.timeoutMs,
      });
    } catch (error) {
      throw toFailure(error, request.provider);
    }
    if (response.statusCode >= 200 && response.statusCode < 300) {
      return { status: response.statusCode, headers: response.headers, body: response.body };
    }
    const body = await response.body.text().catch(() => "");
    throw new UpstreamFailure(
      classifyStatus(response.statusCode),
      `${request.provider.name} answered ${response.statusCode}${summarize(body)}`,
      {
        status: response.statusCode,
        retryAfterMs: retryAfterMsOf(response.headers),
        body,
        protocol: request.provider.type === "anthropic" ? "anthropic" : "openai",
      },
    );
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close().catch(() => {})));
  }

  private addressOf(baseUrl: string, path: string): UpstreamAddress {
    let paths = this.addresses.get(baseUrl);
    if (!paths) {
      // Base URLs change only when an admin edits a provider; the bound keeps edits from piling up.
      if (this.addresses.size >= 1_000) this.addresses.clear();
      paths = new Map();
      this.addresses.set(baseUrl, paths);
    }
    let address = paths.get(path);
    if (!address) {
      const url = new URL(joinUrl(baseUrl, path));
      address = { origin: url.origin, path: url.pathname + url.search };
      paths.set(path, address);
    }
    return address;
  }

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.connectionsPerOrigin,
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 600_000,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

function authHeaders(provider: Provider): Record<string, string> {
  if (!provider.apiKey) return provider.type === "anthropic" ? { "anthropic-version": "2023-06-01" } : {};
  switch (provider.type) {
    case "anthropic":
      return { "x-api-key": provider.apiKey, "anthropic-version": "2023-06-01" };
    case "openai":
    case "openai_compatible":
    case "local":
      return { authorization: `Bearer ${provider.apiKey}` };
  }
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Errors thrown by the transport itself: the provider could not be reached or went silent. */
export function toFailure(error: unknown, provider: Provider): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  const name = provider.name;
  if (
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError ||
    error instanceof errors.ConnectTimeoutError
  ) {
    return new UpstreamFailure("timeout", `${name} did not answer in time`);
  }
  if (error instanceof errors.RequestAbortedError || (error as Error)?.name === "AbortError") {
    return new UpstreamFailure("timeout", `The call to ${name} was cancelled`);
  }
  return new UpstreamFailure("network_error", `${name} could not be reached: ${(error as Error)?.message}`);
}

function summarize(body: string): string {
  if (!body) return "";
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    const message = parsed.error?.message;
    if (typeof message === "string") return `: ${message.slice(0, 300)}`;
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return `: ${body.slice(0, 300)}`;
}
