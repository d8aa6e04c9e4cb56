import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../../../../platform/errors/index.js";
import type { EmbeddingProviderKind } from "../embedding-port.js";
import type { HttpCallPolicy } from "../embedding-provider.js";

/** Why a call failed, as counted by `embedding_errors_total{error_type}`. */
export type EmbeddingErrorType =
  | "rate_limited"
  | "upstream_error"
  | "rejected"
  | "timeout"
  | "network"
  | "invalid_response"
  | "cancelled"
  | "model_load";

export interface EmbeddingCallTarget {
  readonly provider: EmbeddingProviderKind;
  readonly model: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

const maxUpstreamMessageChars = 300;

/**
 * POSTs one JSON body to an embedding endpoint. 429, 5xx and network failures are retried up to
 * `maxRetries` times, waiting Retry-After when given, else base × 2^retry, never more than
 * `retryMaxWaitMs`. Other 4xx answers are final. A timed-out attempt is final too: it has already
 * used the caller's whole time budget, and retrying would multiply it.
 */
export async function postEmbeddingRequest(
  target: EmbeddingCallTarget,
  body: unknown,
  policy: HttpCallPolicy,
  signal?: AbortSignal,
): Promise<unknown> {
  const fetchFn = policy.fetch ?? fetch;
  const baseDelayMs = policy.baseDelayMs ?? 1000;
  const payload = JSON.stringify(body);
  let lastFailure = "";
  let lastType: EmbeddingErrorType = "network";
  let lastStatus: number | undefined;
  for (let attempt = 0; attempt <= policy.maxRetries; attempt += 1) {
    if (signal?.aborted) throw embeddingFailed(target, "the request was cancelled", "cancelled", attempt);
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let status: number;
    let text: string;
    let retryAfterMs: number | undefined;
    try {
      const response = await fetchFn(target.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...target.headers },
        body: payload,
        signal: combined,
      });
      status = response.status;
      retryAfterMs = retryAfterOf(response.headers);
      text = await response.text();
    } catch (error) {
      if (timeout.aborted) {
        throw embeddingFailed(target, `no answer within ${policy.timeoutMs} ms`, "timeout", attempt + 1);
      }
      if (signal?.aborted)
        throw embeddingFailed(target, "the request was cancelled", "cancelled", attempt + 1);
      lastFailure = `the provider could not be reached (${networkReason(error)})`;
      lastType = "network";
      lastStatus = undefined;
      await backOff(attempt, undefined);
      continue;
    }
    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw embeddingFailed(
          target,
          "the provider answered with invalid JSON",
          "invalid_response",
          attempt + 1,
        );
      }
    }
    const upstream = upstreamMessage(text);
    if (status !== 429 && status < 500) {
      throw embeddingFailed(
        target,
        `the provider refused the request (HTTP ${status}): ${upstream}`,
        "rejected",
        attempt + 1,
        status,
      );
    }
    lastFailure = `the provider answered HTTP ${status}: ${upstream}`;
    lastType = status === 429 ? "rate_limited" : "upstream_error";
    lastStatus = status;
    await backOff(attempt, retryAfterMs);
  }
  throw embeddingFailed(
    target,
    `${lastFailure} (gave up after ${policy.maxRetries + 1} attempts)`,
    lastType,
    policy.maxRetries + 1,
    lastStatus,
  );

  async function backOff(attempt: number, retryAfterMs: number | undefined): Promise<void> {
    if (attempt >= policy.maxRetries) return;
    const delay = Math.min(policy.retryMaxWaitMs, retryAfterMs ?? baseDelayMs * 2 ** attempt);
    try {
      await sleep(delay, undefined, signal ? { signal } : {});
    } catch {
      throw embeddingFailed(target, "the request was cancelled", "cancelled", attempt + 1);
    }
  }
}

/** The `EMBEDDING_FAILED` error every provider failure becomes; `error_type` feeds the metrics. */
export function embeddingFailed(
  target: Pick<EmbeddingCallTarget, "provider" | "model">,
  reason: string,
  errorType: EmbeddingErrorType,
  attempts?: number,
  upstreamStatus?: number,
): AppError {
  return new AppError(
    "EMBEDDING_FAILED",
    `Embedding with ${target.model} (${target.provider}) failed: ${reason}`,
    {
      details: {
        provider: target.provider,
        model: target.model,
        error_type: errorType,
        ...(attempts === undefined ? {} : { attempts }),
        ...(upstreamStatus === undefined ? {} : { upstream_status: upstreamStatus }),
      },
    },
  );
}

/** `retry-after-ms` (OpenAI) or `Retry-After` in seconds or as an HTTP date. */
function retryAfterOf(headers: Headers): number | undefined {
  const milliseconds = Number(headers.get("retry-after-ms"));
  if (headers.has("retry-after-ms") && Number.isFinite(milliseconds) && milliseconds >= 0)
    return milliseconds;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The provider's own error message (OpenAI `error.message`, Ollama `error`), shortened. */
function upstreamMessage(text: string): string {
  let message = text;
  try {
    const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
    const error = parsed.error;
    if (typeof error === "string") message = error;
    else if (
      error &&
      typeof error === "object" &&
      typeof (error as { message?: unknown }).message === "string"
    ) {
      message = (error as { message: string }).message;
    } else if (typeof parsed.message === "string") message = parsed.message;
  } catch {
    // Not JSON: the body itself is the message.
  }
  const flat = message.replace(/\s+/g, " ").trim() || "(empty body)";
  return flat.length > maxUpstreamMessageChars ? `${flat.slice(0, maxUpstreamMessageChars)}…` : flat;
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === "string") return cause.code;
  return error instanceof Error ? error.message : String(error);
}
