import { type Dispatcher, errors, Pool } from "undici";
import type { Provider } from "../catalog/types.js";
import { classifyStatus, retryAfterMsOf, UpstreamFailure } from "./upstream-failure.js";
import { requestWhole, type WholeResponse } from "./whole-response.js";

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
  /** The caller reads the whole body as text (not a stream): it is read without a Node stream. */
  readonly readWhole?: boolean;
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

interface UpstreamTarget {
  readonly origin: string;
  /** Path and query, as the request line carries them. */
  readonly path: string;
}

const maxCachedTargets = 1_000;

/**
 * Keep-alive connection pools per upstream origin. undici's pool is several times faster than
 * `fetch` and lets us bound connections; the gateway's overhead budget is well under a millisecond.
 */
export class UpstreamClient {
  private readonly pools = new Map<string, Pool>();
  /** Base URL + path → where to send; parsing a URL costs more than the rest of preparing a call. */
  private readonly targets = new Map<string, UpstreamTarget>();

  constructor(private readonly connectionsPerOrigin = 256) {}

  /** Sends the request; resolves with a 2xx response, throws a classified `UpstreamFailure` otherwise. */
  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const target = this.targetOf(request.provider.baseUrl, request.path);
    const pool = this.poolFor(target.origin);
    const options: Dispatcher.DispatchOptions = {
      method: "POST",
      path: target.path,
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...authHeaders(request.provider),
        ...request.provider.headers,
        ...request.headers,
      },
      body: request.body,
      headersTimeout: request.timeoutMs,
      bodyTimeout: request.timeoutMs,
    };
    if (request.readWhole) return this.sendReadingWhole(pool, options, request);
    let response: Dispatcher.ResponseData;
    try {
      response = await pool.request({ ...options, signal: request.signal });
    } catch (error) {
      throw toFailure(error, request.provider);
    }
    if (isSuccess(response.statusCode)) {
      return { status: response.statusCode, headers: response.headers, body: response.body };
    }
    const body = await response.body.text().catch(() => "");
    throw answeredWith(request.provider, response.statusCode, response.headers, body);
  }

  private async sendReadingWhole(
    pool: Pool,
    options: Dispatcher.DispatchOptions,
    request: UpstreamRequest,
  ): Promise<UpstreamResponse> {
    let response: WholeResponse;
    try {
      response = await requestWhole(pool, options, request.signal);
    } catch (error) {
      throw toFailure(error, request.provider);
    }
    if (isSuccess(response.statusCode)) {
      return { status: response.statusCode, headers: response.headers, body: wholeBody(response.text) };
    }
    throw answeredWith(request.provider, response.statusCode, response.headers, response.text);
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close().catch(() => {})));
  }

  private targetOf(baseUrl: string, path: string): UpstreamTarget {
    const key = `${baseUrl}\n${path}`;
    let target = this.targets.get(key);
    if (!target) {
      const url = new URL(joinUrl(baseUrl, path));
      target = { origin: url.origin, path: url.pathname + url.search };
      // Base URLs change only when an admin edits a provider: a full map is stale, not hot.
      if (this.targets.size >= maxCachedTargets) this.targets.clear();
      this.targets.set(key, target);
    }
    return target;
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

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function answeredWith(
  provider: Provider,
  status: number,
  headers: UpstreamResponse["headers"],
  body: string,
): UpstreamFailure {
  return new UpstreamFailure(
    classifyStatus(status),
    `${provider.name} answered ${status}${summarize(body)}`,
    {
      status,
      retryAfterMs: retryAfterMsOf(headers),
      body,
      protocol: provider.type === "anthropic" ? "anthropic" : "openai",
    },
  );
}

function wholeBody(text: string): UpstreamBody {
  return {
    text: async () => text,
    async *[Symbol.asyncIterator]() {
      yield text;
    },
  };
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
