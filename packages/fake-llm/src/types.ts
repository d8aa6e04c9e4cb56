/** Token counts a scripted reply may pin instead of the counted ones. */
export interface UsageOverride {
  promptTokens?: number;
  completionTokens?: number;
  /** OpenAI prompt_tokens_details.cached_tokens / Anthropic cache_read_input_tokens. */
  cachedTokens?: number;
  /** Anthropic cache_creation_input_tokens. */
  cacheCreationTokens?: number;
  /** OpenAI completion_tokens_details.reasoning_tokens (included in completionTokens). */
  reasoningTokens?: number;
}

export interface ToolCallSpec {
  name: string;
  /** JSON text of the arguments, sent verbatim (and streamed in fragments). */
  arguments: string;
}

interface BehaviourBase {
  /** Waited before anything is written, on top of the server-wide latency. */
  delayMs?: number;
}

export interface ReplyBehaviour extends BehaviourBase {
  kind: "reply";
  /** Fixed text; when absent (and no toolCalls) the text is derived from the request. */
  text?: string;
  toolCalls?: ToolCallSpec[];
  usage?: UsageOverride;
  /**
   * OpenAI streams end without the usage chunk even when include_usage is set, like some
   * OpenAI-compatible servers do. Anthropic always reports usage, so it is unaffected.
   */
  omitUsage?: boolean;
}

export interface ErrorBehaviour extends BehaviourBase {
  kind: "error";
  status: number;
  retryAfterSeconds?: number;
  /** Overrides the protocol's default error type for the status. */
  type?: string;
  message?: string;
}

export interface StallBehaviour extends BehaviourBase {
  kind: "stall";
  /** SSE events written before the stream goes silent; ignored for non-stream requests (they hang). */
  afterChunks: number;
}

export interface DropBehaviour extends BehaviourBase {
  kind: "drop";
  /** SSE events written before the socket is destroyed; non-stream requests are dropped before any byte. */
  afterChunks: number;
}

export type Behaviour = ReplyBehaviour | ErrorBehaviour | StallBehaviour | DropBehaviour;

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased header names; authorization and x-api-key are removed. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  /**
   * How the response ended: `finished` once fully written, `closed_early` when the connection
   * closed first (the client went away or aborted, or a drop fault cut it), `pending` until then.
   */
  responseEnd: "pending" | "finished" | "closed_early";
}

export interface FakeLlmOptions {
  port?: number;
  host?: string;
  /** When set, any other key is refused with 401 in the protocol's shape. */
  apiKey?: string;
  /** Default embedding width when the request has no `dimensions` (default 1536). */
  embeddingDimensions?: number;
  /** Model ids listed by GET /v1/models. */
  models?: string[];
  /** Keep the request log (default true); benchmarks turn it off to keep memory flat. */
  recordRequests?: boolean;
}

export interface LatencySettings {
  /** Waited before every response starts. */
  firstByteMs?: number;
  /** Waited between SSE events of a stream. */
  chunkIntervalMs?: number;
}

export interface FakeLlm {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Behaviours answer the next requests in order, then the default applies again. */
  enqueue(...behaviours: Behaviour[]): void;
  setDefault(behaviour: Behaviour): void;
  setLatency(settings: LatencySettings): void;
  /** Forgets queued behaviours, the request log, latency, and restores the default behaviour. */
  reset(): void;
  close(): Promise<void>;
}
