import type { IncomingHttpHeaders } from "node:http";
import type { Capability } from "../catalog/types.js";
import { GatewayError } from "../gateway-error.js";
import type { TokenUsage } from "../pricing/token-usage.js";
import type {
  AnthropicMessageResponse,
  AnthropicRequest,
  AnthropicStreamEvent,
  OpenAiChatCompletion,
} from "../protocols/index.js";
import {
  AnthropicStreamUsage,
  anthropicRequestToOpenAi,
  formatAnthropicSse,
  OpenAiStreamToAnthropic,
  openAiResponseToAnthropic,
  usageFromAnthropic,
  usageFromOpenAi,
} from "../protocols/index.js";
import type { Target } from "../routing/plan-route.js";
import {
  answerText,
  type InboundProtocol,
  type SseEvent,
  type StreamSession,
  type TextFilter,
  type UpstreamCall,
} from "./inbound-protocol.js";
import { translationError } from "./openai-inbound.js";
import { renderAnthropicError } from "./render-error.js";
import { contentSlots, hasImage, messagesOf, type TextSlot } from "./text-parts.js";
import { UpstreamEventReader } from "./upstream-events.js";

/** `POST /v1/messages`: Anthropic clients, served by Anthropic or OpenAI-protocol upstreams. */
export const anthropicInbound: InboundProtocol = {
  name: "anthropic",
  endpoint: "messages",
  kind: "chat",

  validate(body) {
    if (typeof body.model !== "string" || body.model === "") {
      throw new GatewayError("invalid_request", "model: Field required", { param: "model" });
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      throw new GatewayError("invalid_request", "messages: at least one message is required", {
        param: "messages",
      });
    }
    if (typeof body.max_tokens !== "number" || !Number.isInteger(body.max_tokens) || body.max_tokens < 1) {
      throw new GatewayError("invalid_request", "max_tokens: Field required (a positive integer)", {
        param: "max_tokens",
      });
    }
  },

  needs(body) {
    const needs: Capability[] = [];
    if (Array.isArray(body.tools) && body.tools.length > 0) needs.push("functions");
    if (hasImage(body)) needs.push("vision");
    if (body.stream === true) needs.push("streaming");
    return needs;
  },

  maxTokens(body) {
    return typeof body.max_tokens === "number" ? body.max_tokens : null;
  },

  wantsStreamUsage() {
    return true;
  },

  toUpstream(body, target, stream, clientHeaders): UpstreamCall {
    switch (target.provider.type) {
      case "anthropic":
        // Same protocol: passed through untouched but for the model (cache_control included), with
        // the client's beta flags and API version, which change what the body means upstream.
        return {
          path: "/v1/messages",
          body: JSON.stringify({ ...body, model: target.deployment.upstreamModel }),
          headers: relayedAnthropicHeaders(clientHeaders),
        };
      case "openai":
      case "openai_compatible":
      case "local": {
        try {
          const out = anthropicRequestToOpenAi(body as unknown as AnthropicRequest, {
            upstreamModel: target.deployment.upstreamModel,
            maxTokensField: target.provider.type === "openai" ? "max_completion_tokens" : "max_tokens",
          }) as unknown as Record<string, unknown>;
          if (stream) out.stream_options = { include_usage: true };
          return { path: "/chat/completions", body: JSON.stringify(out) };
        } catch (error) {
          throw translationError(error);
        }
      }
    }
  },

  fromUpstream(text, target, requestedModel) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new GatewayError("upstream", `${target.provider.name} answered with a body that is not JSON`, {
        code: "bad_upstream_response",
      });
    }
    if (target.provider.type === "anthropic") {
      const message = parsed as unknown as AnthropicMessageResponse;
      return {
        body: parsed,
        usage: message.usage ? usageFromAnthropic(message.usage) : null,
        text: messageText(parsed),
        upstreamText: text,
      };
    }
    const completion = parsed as unknown as OpenAiChatCompletion;
    const body = openAiResponseToAnthropic(completion, { model: requestedModel }) as unknown as Record<
      string,
      unknown
    >;
    return {
      body,
      usage: completion.usage ? usageFromOpenAi(completion.usage) : null,
      text: messageText(body),
      upstreamText: null,
    };
  },

  openStream(target, requestedModel) {
    return new AnthropicClientStream(target, requestedModel);
  },

  encode(result, _metadata, asReceived) {
    // The Messages format has no field for router metadata; it stays in the usage record and headers.
    return answerText(result, asReceived);
  },

  renderError: renderAnthropicError,

  promptTexts(body) {
    const slots: TextSlot[] = [...contentSlots(body, "system")];
    for (const message of messagesOf(body)) slots.push(...contentSlots(message, "content"));
    return slots;
  },

  completionTexts(body) {
    return contentSlots(body, "content");
  },
};

class AnthropicClientStream implements StreamSession {
  private readonly translator: OpenAiStreamToAnthropic | null;
  private readonly watcher: AnthropicStreamUsage | null;
  private filter: TextFilter | null = null;
  private readonly events: UpstreamEventReader;

  constructor(target: Target, requestedModel: string) {
    const anthropic = target.provider.type === "anthropic";
    this.events = new UpstreamEventReader(anthropic ? "anthropic" : "openai");
    this.translator = anthropic ? null : new OpenAiStreamToAnthropic({ model: requestedModel });
    this.watcher = anthropic ? new AnthropicStreamUsage() : null;
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
    const events: AnthropicStreamEvent[] = this.translator
      ? this.translator.push(parsed as never)
      : [parsed as unknown as AnthropicStreamEvent];
    if (this.watcher) this.watcher.push(parsed as unknown as AnthropicStreamEvent);
    return events.flatMap((e) => this.emit(e));
  }

  finish(): string[] {
    const frames: string[] = [];
    if (this.translator) for (const event of this.translator.end()) frames.push(...this.emit(event));
    return frames;
  }

  errorFrame(message: string): string {
    return formatAnthropicSse({ type: "error", error: { type: "api_error", message } } as never);
  }

  usage(): TokenUsage | null {
    if (this.watcher) return this.watcher.usageReported ? { ...this.watcher.usage } : null;
    return this.translator?.usageReported ? { ...this.translator.usage } : null;
  }

  generatedText(): string {
    return this.watcher ? this.watcher.generatedText() : (this.translator?.generatedText() ?? "");
  }

  private emit(event: AnthropicStreamEvent): string[] {
    if (!this.filter) return [formatAnthropicSse(event)];
    const frames: string[] = [];
    if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
      event.delta.text = this.filter.push(event.delta.text);
    } else if (event.type === "content_block_stop") {
      const rest = this.filter.flush();
      if (rest) {
        frames.push(
          formatAnthropicSse({
            type: "content_block_delta",
            index: event.index,
            delta: { type: "text_delta", text: rest },
          } as AnthropicStreamEvent),
        );
      }
    }
    frames.push(formatAnthropicSse(event));
    return frames;
  }
}

/** Headers an Anthropic client sends that an Anthropic upstream must see as sent. */
const relayedHeaderNames = ["anthropic-beta", "anthropic-version"] as const;

function relayedAnthropicHeaders(clientHeaders: IncomingHttpHeaders): Record<string, string> {
  const relayed: Record<string, string> = {};
  for (const name of relayedHeaderNames) {
    const value = clientHeaders[name];
    // A header sent several times is one comma-separated list (RFC 9110 §5.3).
    if (value !== undefined) relayed[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return relayed;
}

function messageText(body: Record<string, unknown>): string {
  const content = Array.isArray(body.content) ? body.content : [];
  let text = "";
  for (const block of content) {
    const b = block as { type?: string; text?: unknown; input?: unknown } | null;
    if (typeof b?.text === "string") text += b.text;
    else if (b?.type === "tool_use") text += JSON.stringify(b.input ?? {});
  }
  return text;
}
