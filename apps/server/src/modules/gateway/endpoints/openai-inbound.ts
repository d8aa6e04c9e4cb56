import type { Capability } from "../catalog/types.js";
import { GatewayError } from "../gateway-error.js";
import type { TokenUsage } from "../pricing/token-usage.js";
import type {
  AnthropicMessageResponse,
  OpenAiChatCompletion,
  OpenAiChatCompletionChunk,
  OpenAiChatRequest,
} from "../protocols/index.js";
import {
  AnthropicStreamToOpenAi,
  anthropicResponseToOpenAi,
  formatSse,
  OPENAI_DONE_SSE,
  OpenAiStreamUsage,
  openAiRequestToAnthropic,
  ProtocolTranslationError,
  structuredOutputToolName,
  usageFromAnthropic,
  usageFromOpenAi,
} from "../protocols/index.js";
import type { Target } from "../routing/plan-route.js";
import type {
  InboundProtocol,
  SseEvent,
  StreamSession,
  TextFilter,
  UpstreamCall,
} from "./inbound-protocol.js";
import { appendJsonMember } from "./json-splice.js";
import { renderOpenAiError } from "./render-error.js";
import { contentSlots, hasImage, messagesOf, type TextSlot } from "./text-parts.js";
import { UpstreamEventReader } from "./upstream-events.js";

/** `POST /v1/chat/completions`: OpenAI clients, served by OpenAI-protocol or Anthropic upstreams. */
export const openAiInbound: InboundProtocol = {
  name: "openai",
  endpoint: "chat",
  kind: "chat",

  validate(body) {
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      throw new GatewayError("invalid_request", "messages must be a non-empty array", { param: "messages" });
    }
    if (body.model !== undefined && typeof body.model !== "string") {
      throw new GatewayError("invalid_request", "model must be a string", { param: "model" });
    }
    if (typeof body.model !== "string" || body.model === "") {
      throw new GatewayError("invalid_request", "model is required (or `auto` with optimize_for)", {
        param: "model",
        code: "invalid_model",
      });
    }
    if (
      body.n !== undefined &&
      (typeof body.n !== "number" || !Number.isInteger(body.n) || body.n < 1 || body.n > 128)
    ) {
      throw new GatewayError("invalid_request", "n must be an integer from 1 to 128", { param: "n" });
    }
  },

  needs(body) {
    const needs: Capability[] = [];
    if (Array.isArray(body.tools) && body.tools.length > 0) needs.push("functions");
    if (hasImage(body)) needs.push("vision");
    const format = body.response_format as { type?: unknown } | undefined;
    if (format?.type === "json_schema") needs.push("structured_output");
    if (body.stream === true) needs.push("streaming");
    return needs;
  },

  maxTokens(body) {
    const value = body.max_completion_tokens ?? body.max_tokens;
    return typeof value === "number" && value > 0 ? value : null;
  },

  wantsStreamUsage(body) {
    return (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  },

  toUpstream(body, target, stream): UpstreamCall {
    switch (target.provider.type) {
      case "openai":
      case "openai_compatible":
      case "local": {
        const out: Record<string, unknown> = { ...body, model: target.deployment.upstreamModel };
        // Usage is always asked for, so streams are metered exactly; the client's choice is kept on the way back.
        if (stream)
          out.stream_options = { ...(body.stream_options as object | undefined), include_usage: true };
        return { path: "/chat/completions", body: JSON.stringify(out) };
      }
      case "anthropic": {
        try {
          const out = openAiRequestToAnthropic(body as unknown as OpenAiChatRequest, {
            upstreamModel: target.deployment.upstreamModel,
            defaultMaxTokens: target.model.maxOutputTokens,
          });
          return { path: "/v1/messages", body: JSON.stringify(out) };
        } catch (error) {
          throw translationError(error);
        }
      }
    }
  },

  fromUpstream(text, target, requestedModel, request) {
    const parsed = parseJson(text, target);
    if (target.provider.type === "anthropic") {
      const message = parsed as unknown as AnthropicMessageResponse;
      const tool = structuredOutputToolName(request as unknown as OpenAiChatRequest);
      const body = anthropicResponseToOpenAi(message, {
        model: requestedModel,
        ...(tool ? { structuredOutputTool: tool } : {}),
      }) as unknown as Record<string, unknown>;
      return {
        body,
        usage: message.usage ? usageFromAnthropic(message.usage) : null,
        text: completionText(body),
        upstreamText: null,
      };
    }
    const completion = parsed as unknown as OpenAiChatCompletion;
    return {
      body: parsed,
      usage: completion.usage ? usageFromOpenAi(completion.usage) : null,
      text: completionText(parsed),
      upstreamText: text,
    };
  },

  openStream(target, requestedModel, wantsUsage, request) {
    return new OpenAiClientStream(target, requestedModel, wantsUsage, request);
  },

  encode(result, metadata, asReceived) {
    if (asReceived && result.upstreamText !== null && !Object.hasOwn(result.body, "router_metadata")) {
      const spliced = appendJsonMember(result.upstreamText, "router_metadata", metadata);
      if (spliced !== null) return spliced;
    }
    result.body.router_metadata = metadata;
    return JSON.stringify(result.body);
  },

  renderError: renderOpenAiError,

  promptTexts(body) {
    return messagesOf(body).flatMap((message) => contentSlots(message, "content"));
  },

  completionTexts(body) {
    const choices = Array.isArray(body.choices) ? body.choices : [];
    const slots: TextSlot[] = [];
    for (const choice of choices) {
      const message = (choice as { message?: Record<string, unknown> } | null)?.message;
      if (message) slots.push(...contentSlots(message, "content"));
    }
    return slots;
  },
};

/** Sends OpenAI chunks to the client, holding the last one back so router metadata can ride on it. */
class OpenAiClientStream implements StreamSession {
  private readonly translator: AnthropicStreamToOpenAi | null;
  private readonly watcher: OpenAiStreamUsage | null;
  private pending: OpenAiChatCompletionChunk | null = null;
  /** The upstream's own bytes for `pending` while nothing changed it: sent as they came, not re-encoded. */
  private pendingData: string | null = null;
  private filter: TextFilter | null = null;
  private readonly events: UpstreamEventReader;

  constructor(
    target: Target,
    requestedModel: string,
    private readonly wantsUsage: boolean,
    request: Record<string, unknown>,
  ) {
    const anthropic = target.provider.type === "anthropic";
    this.events = new UpstreamEventReader(anthropic ? "anthropic" : "openai");
    const tool = anthropic ? structuredOutputToolName(request as unknown as OpenAiChatRequest) : undefined;
    this.translator = anthropic
      ? new AnthropicStreamToOpenAi({
          model: requestedModel,
          includeUsage: wantsUsage,
          ...(tool ? { structuredOutputTool: tool } : {}),
        })
      : null;
    this.watcher = anthropic ? null : new OpenAiStreamUsage();
  }

  setTextFilter(filter: TextFilter | null): void {
    this.filter = filter;
  }

  isFirstOutput(event: SseEvent): boolean {
    return this.events.isFirstOutput(event);
  }

  push(event: SseEvent): string[] {
    if (event.data === "[DONE]") return [];
    const parsed = this.events.parse(event.data);
    if (!parsed) return [];
    if (this.translator) {
      const frames: string[] = [];
      for (const item of this.translator.push(parsed as never)) {
        if ("error" in item) frames.push(formatSse(item));
        else frames.push(...this.emit(item, null));
      }
      return frames;
    }
    const chunk = parsed as OpenAiChatCompletionChunk & { error?: unknown };
    if (chunk.error !== undefined) return [formatSse(chunk)];
    this.watcher?.push(chunk);
    const isUsageOnly = (chunk.choices?.length ?? 0) === 0 && chunk.usage;
    if (!this.wantsUsage && chunk.usage !== undefined) {
      if (isUsageOnly) return [];
      delete chunk.usage;
      return this.emit(chunk, null);
    }
    return this.emit(chunk, event.data);
  }

  finish(metadata: Record<string, unknown> | null): string[] {
    const frames = this.flushFilter();
    if (this.pending) {
      if (metadata) this.attachMetadata(metadata);
      frames.push(this.pendingFrame());
      this.pending = null;
    }
    frames.push(OPENAI_DONE_SSE);
    return frames;
  }

  errorFrame(message: string): string {
    return formatSse({ error: { message, type: "provider_error", param: null, code: "stream_failed" } });
  }

  usage(): TokenUsage | null {
    if (this.translator) return this.translator.usageReported ? { ...this.translator.usage } : null;
    return this.watcher?.usageReported ? { ...this.watcher.usage } : null;
  }

  generatedText(): string {
    return this.translator ? this.translator.generatedText() : (this.watcher?.generatedText() ?? "");
  }

  /** Router metadata on the held chunk: spliced into its upstream text when that is sent as it came. */
  private attachMetadata(metadata: Record<string, unknown>): void {
    const pending = this.pending as unknown as Record<string, unknown>;
    const spliced =
      this.pendingData !== null && !Object.hasOwn(pending, "router_metadata")
        ? appendJsonMember(this.pendingData, "router_metadata", metadata)
        : null;
    if (spliced === null) {
      pending.router_metadata = metadata;
      this.pendingData = null;
    } else {
      this.pendingData = spliced;
    }
  }

  /** Holds `chunk` back and gives the frame of the one held before; `data` is its upstream text, if unchanged. */
  private emit(chunk: OpenAiChatCompletionChunk, data: string | null): string[] {
    const frames: string[] = [];
    const choice = chunk.choices?.[0];
    if (this.filter && choice) {
      if (typeof choice.delta?.content === "string" && choice.delta.content.length > 0) {
        choice.delta.content = this.filter.push(choice.delta.content);
        data = null;
      }
      if (choice.finish_reason) frames.push(...this.flushFilter(chunk));
    }
    if (this.pending) frames.push(this.pendingFrame());
    this.pending = chunk;
    this.pendingData = data;
    return frames;
  }

  private pendingFrame(): string {
    return this.pendingData !== null && !this.pendingData.includes("\n")
      ? `data: ${this.pendingData}\n\n`
      : formatSse(this.pending ?? {});
  }

  /** Text the redactor still held: sent as one more content chunk before the stream ends. */
  private flushFilter(template?: OpenAiChatCompletionChunk): string[] {
    if (!this.filter) return [];
    const rest = this.filter.flush();
    const base = template ?? this.pending;
    if (!rest || !base) return [];
    const chunk: OpenAiChatCompletionChunk = {
      ...base,
      choices: [{ index: 0, delta: { content: rest }, logprobs: null, finish_reason: null }],
    };
    const frames = this.pending ? [this.pendingFrame()] : [];
    this.pending = chunk;
    this.pendingData = null;
    return frames;
  }
}

function completionText(body: Record<string, unknown>): string {
  const choices = Array.isArray(body.choices) ? body.choices : [];
  let text = "";
  for (const choice of choices) {
    const message = (choice as { message?: { content?: unknown; tool_calls?: unknown } } | null)?.message;
    if (typeof message?.content === "string") text += message.content;
    if (Array.isArray(message?.tool_calls)) text += JSON.stringify(message.tool_calls);
  }
  return text;
}

function parseJson(text: string, target: Target): Record<string, unknown> {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new GatewayError("upstream", `${target.provider.name} answered with a body that is not JSON`, {
    code: "bad_upstream_response",
  });
}

export function translationError(error: unknown): GatewayError {
  if (error instanceof ProtocolTranslationError) {
    return new GatewayError("invalid_request", error.message, {
      code: "unsupported_parameter",
      ...(error.param ? { param: error.param } : {}),
    });
  }
  if (error instanceof GatewayError) return error;
  return new GatewayError("invalid_request", (error as Error)?.message ?? "The request cannot be translated");
}
