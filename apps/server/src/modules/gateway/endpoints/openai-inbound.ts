import type { Capability } from "../catalog/types.js";
import { GatewayError } from "../gateway-error.js";
import type {
  AnthropicMessageResponse,
  OpenAiChatCompletion,
  OpenAiChatRequest,
} from "../protocols/index.js";
import {
  anthropicResponseToOpenAi,
  openAiRequestToAnthropic,
  ProtocolTranslationError,
  structuredOutputToolName,
  usageFromAnthropic,
  usageFromOpenAi,
} from "../protocols/index.js";
import type { Target } from "../routing/plan-route.js";
import type { InboundProtocol, UpstreamCall } from "./inbound-protocol.js";
import { appendJsonMember } from "./json-splice.js";
import { OpenAiClientStream } from "./openai-client-stream.js";
import { renderOpenAiError } from "./render-error.js";
import { contentSlots, hasImage, messagesOf, type TextSlot } from "./text-parts.js";

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
