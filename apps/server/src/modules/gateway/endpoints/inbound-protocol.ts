import type { IncomingHttpHeaders } from "node:http";
import type { Capability } from "../catalog/types.js";
import type { GatewayError } from "../gateway-error.js";
import type { TokenUsage } from "../pricing/token-usage.js";
import type { Target } from "../routing/plan-route.js";
import type { UpstreamFailure } from "../upstream/upstream-failure.js";

export interface UpstreamCall {
  readonly path: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface SseEvent {
  readonly event?: string;
  readonly data: string;
}

/** Translates one upstream stream into the caller's protocol and keeps its usage. */
export interface StreamSession {
  /** True once the upstream event carries generated output (a fallback is no longer possible after it). */
  isFirstOutput(event: SseEvent): boolean;
  /** Client SSE frames (exact bytes) for one upstream event. */
  push(event: SseEvent): string[];
  /** Frames closing the stream; `metadata` goes on the last chunk where the protocol has room for it. */
  finish(metadata: Record<string, unknown> | null): string[];
  /** A frame reporting an error after the stream started. */
  errorFrame(message: string): string;
  /** Provider-reported usage, when it came. */
  usage(): TokenUsage | null;
  /** Text generated so far (content and tool arguments), for counting when usage is missing. */
  generatedText(): string;
  /** Transform applied to generated text before it is sent (guardrail redaction). */
  setTextFilter(filter: TextFilter | null): void;
}

export interface TextFilter {
  push(text: string): string;
  flush(): string;
}

export interface NonStreamResult {
  readonly body: Record<string, unknown>;
  readonly usage: TokenUsage | null;
  readonly text: string;
  /** The upstream's own JSON text when `body` is its parse as it came (same protocol), else null. */
  readonly upstreamText: string | null;
}

/** Everything that differs between the OpenAI and Anthropic endpoints; the pipeline is shared. */
export interface InboundProtocol {
  readonly name: "openai" | "anthropic";
  readonly endpoint: "chat" | "messages" | "embeddings";
  readonly kind: "chat" | "embedding";
  /** Throws a GatewayError for a body that cannot be a valid request of this protocol. */
  validate(body: Record<string, unknown>): void;
  needs(body: Record<string, unknown>): Capability[];
  maxTokens(body: Record<string, unknown>): number | null;
  /** Whether the caller asked for the usage chunk (OpenAI `stream_options.include_usage`). */
  wantsStreamUsage(body: Record<string, unknown>): boolean;
  /** The upstream request; `clientHeaders` are the caller's, for what a same-protocol upstream must see. */
  toUpstream(
    body: Record<string, unknown>,
    target: Target,
    stream: boolean,
    clientHeaders: IncomingHttpHeaders,
  ): UpstreamCall;
  fromUpstream(
    text: string,
    target: Target,
    requestedModel: string,
    body: Record<string, unknown>,
  ): NonStreamResult;
  openStream(
    target: Target,
    requestedModel: string,
    wantsUsage: boolean,
    body: Record<string, unknown>,
  ): StreamSession;
  /**
   * The JSON text of a non-stream answer, with router metadata where the protocol has room for it.
   * `asReceived`: nothing changed `body` and nothing reads it later, so the upstream's own text can
   * go out (with the metadata spliced in) rather than `body` encoded again.
   */
  encode(result: NonStreamResult, metadata: Record<string, unknown>, asReceived: boolean): string;
  renderError(error: GatewayError | UpstreamFailure): {
    status: number;
    body: unknown;
    headers: Record<string, string>;
  };
  /** Every text a guardrail must see, with a way to replace it. */
  promptTexts(body: Record<string, unknown>): Array<{ text: string; replace(text: string): void }>;
  /** Texts of a non-stream response, replaceable (guardrails on completions). */
  completionTexts(body: Record<string, unknown>): Array<{ text: string; replace(text: string): void }>;
}

/** An answer's text without router metadata: the upstream's own when nothing changed it, else `body` encoded. */
export function answerText(result: NonStreamResult, asReceived: boolean): string {
  return asReceived && result.upstreamText !== null ? result.upstreamText : JSON.stringify(result.body);
}
