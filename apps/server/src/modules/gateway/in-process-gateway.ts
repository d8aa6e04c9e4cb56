import { randomUUID } from "node:crypto";
import type { Principal, SpaceContext } from "../../platform/auth/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import type { GatewayDeps } from "./endpoints/call-state.js";
import { type InProcessAnswer, InProcessReply } from "./endpoints/in-process-reply.js";
import { openAiInbound } from "./endpoints/openai-inbound.js";
import { type CallInput, runCompletion } from "./endpoints/serve-completion.js";
import {
  type OpenAiChatCompletion,
  type OpenAiChatCompletionChunk,
  type OpenAiChatRequest,
  type OpenAiUsage,
  parseSse,
} from "./protocols/index.js";

/** Who a module calls the gateway for: the platform caller and the space the call is accounted to. */
export interface InProcessCaller {
  readonly principal: Principal;
  readonly space: SpaceContext;
}

export interface ChatCall {
  readonly caller: InProcessCaller;
  /** An OpenAI Chat Completions request; `stream` is set by the method called. */
  readonly body: OpenAiChatRequest;
  /** Aborting it cancels the upstream call (metered as cancelled, like a client that went away). */
  readonly signal?: AbortSignal;
  /** Correlates the call with the platform request that caused it. */
  readonly requestId?: string;
}

/** A completion as `/v1/chat/completions` returns it, with the router's metadata. */
export type ChatCompletion = OpenAiChatCompletion & { router_metadata?: Record<string, unknown> };

export interface ChatStream {
  /** The completion's chunks as they arrive; throws `GatewayCallError` when the stream fails midway. */
  readonly chunks: AsyncIterable<OpenAiChatCompletionChunk>;
  /** Once `chunks` is drained: the provider's usage and the router's metadata from the last chunks. */
  summary(): { readonly usage: OpenAiUsage | null; readonly routerMetadata: Record<string, unknown> | null };
}

export interface ChatModelInfo {
  /** The model's name, or `auto` when the router will choose. */
  readonly name: string;
  readonly contextWindow: number;
  readonly maxOutputTokens: number;
}

/** The gateway's refusal or failure, as the OpenAI endpoint would have answered it. */
export class GatewayCallError extends Error {
  constructor(
    readonly status: number,
    /** e.g. `budget_exceeded`, `rate_limit_exceeded`, `guardrail_blocked`, `invalid_model`. */
    readonly code: string | null,
    /** The OpenAI error type, e.g. `insufficient_quota`, `rate_limit_error`. */
    readonly type: string,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "GatewayCallError";
  }
}

/**
 * The governed pipeline for modules of this process (the assistant): the same authorization,
 * limits, routing, guardrails, budgets and metering as `/v1/chat/completions`, under the platform
 * caller's identity, without an HTTP round trip.
 */
export function createInProcessGateway(deps: GatewayDeps, logger: Logger) {
  function start(call: ChatCall, body: Record<string, unknown>) {
    const reply = new InProcessReply(call.requestId ?? randomUUID(), logger, call.signal);
    const input: CallInput = {
      headers: {},
      body,
      resolveCaller: async () => ({
        principal: call.caller.principal,
        tenantId: call.caller.space.tenantId,
        spaceId: call.caller.space.spaceId,
        userId: call.caller.principal.userId,
        apiKeyId: call.caller.principal.kind === "api_key" ? call.caller.principal.id : null,
      }),
    };
    const run = runCompletion(openAiInbound, input, reply, deps).catch((error: unknown) => {
      logger.error({ err: error }, "in-process gateway call failed");
    });
    const answer = Promise.race([reply.answered, run.then(() => reply.answered)]);
    return { reply, answer };
  }

  return {
    /** One non-stream chat completion; rejects with `GatewayCallError` when the gateway refuses it. */
    async complete(call: ChatCall): Promise<ChatCompletion> {
      const { answer } = start(call, { ...call.body, stream: false });
      const answered = await answer;
      if (answered.kind !== "json") throw new Error("a non-stream call answered with a stream");
      if (answered.status !== 200) throw callErrorOf(answered);
      return JSON.parse(answered.body) as ChatCompletion;
    },

    /** A streamed completion; resolves once the first output arrived (refusals reject before). */
    async stream(call: ChatCall): Promise<ChatStream> {
      const body = { ...call.body, stream: true, stream_options: { include_usage: true } };
      const { reply, answer } = start(call, body);
      const answered = await answer;
      if (answered.kind === "json") throw callErrorOf(answered);
      let usage: OpenAiUsage | null = null;
      let routerMetadata: Record<string, unknown> | null = null;
      async function* chunks(): AsyncGenerator<OpenAiChatCompletionChunk> {
        let finished = false;
        try {
          for await (const event of parseSse(reply.frames())) {
            if (event.data === "[DONE]") {
              finished = true;
              return;
            }
            const parsed = JSON.parse(event.data) as OpenAiChatCompletionChunk & {
              error?: { message?: string; type?: string; code?: string | null };
              router_metadata?: Record<string, unknown>;
            };
            if (parsed.error) {
              const { message, type, code } = parsed.error;
              throw new GatewayCallError(
                502,
                code ?? null,
                type ?? "provider_error",
                message ?? "stream failed",
              );
            }
            if (parsed.usage) usage = parsed.usage;
            if (parsed.router_metadata) routerMetadata = parsed.router_metadata;
            yield parsed;
          }
          throw reply.gone
            ? new GatewayCallError(499, "request_cancelled", "cancelled", "The caller cancelled the call")
            : new GatewayCallError(502, "stream_failed", "provider_error", "The stream ended early");
        } finally {
          // A caller that stops reading early cancels the upstream call.
          if (!finished) reply.abandon();
        }
      }
      return { chunks: chunks(), summary: () => ({ usage, routerMetadata }) };
    },

    /** True when at least one chat model has an enabled deployment on an enabled provider. */
    hasChatModels(): boolean {
      const snapshot = deps.catalog.snapshot();
      return snapshot.models.some(
        (model) =>
          model.kind === "chat" &&
          model.deployments.some((d) => d.enabled && snapshot.providers.get(d.providerName)?.enabled),
      );
    },

    /**
     * A chat model's limits; for `auto` (or none) the smallest window among usable chat models,
     * since the router picks one later. Null for an unknown model or when none is usable.
     */
    chatModelInfo(model?: string): ChatModelInfo | null {
      const snapshot = deps.catalog.snapshot();
      if (model && model !== "auto") {
        const found = snapshot.resolve(model);
        if (found?.kind !== "chat") return null;
        return {
          name: found.name,
          contextWindow: found.contextWindow,
          maxOutputTokens: found.maxOutputTokens,
        };
      }
      const usable = snapshot.models.filter(
        (m) =>
          m.kind === "chat" &&
          m.deployments.some((d) => d.enabled && snapshot.providers.get(d.providerName)?.enabled),
      );
      if (usable.length === 0) return null;
      return {
        name: "auto",
        contextWindow: Math.min(...usable.map((m) => m.contextWindow)),
        maxOutputTokens: Math.min(...usable.map((m) => m.maxOutputTokens)),
      };
    },
  };
}

export type InProcessGateway = ReturnType<typeof createInProcessGateway>;

function callErrorOf(answer: Extract<InProcessAnswer, { kind: "json" }>): GatewayCallError {
  let error: { message?: unknown; type?: unknown; code?: unknown } = {};
  try {
    const parsed = JSON.parse(answer.body) as { error?: typeof error };
    error = parsed.error ?? {};
  } catch {
    // Not JSON: the status alone says what happened.
  }
  const retryAfterMs = Number(answer.headers["retry-after-ms"]);
  return new GatewayCallError(
    answer.status,
    typeof error.code === "string" ? error.code : null,
    typeof error.type === "string" ? error.type : "api_error",
    typeof error.message === "string" ? error.message : `The gateway answered ${answer.status}`,
    Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : null,
  );
}
