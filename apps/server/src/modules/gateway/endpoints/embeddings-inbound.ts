import { GatewayError } from "../gateway-error.js";
import { usageFromOpenAi } from "../protocols/index.js";
import { answerText, type InboundProtocol } from "./inbound-protocol.js";
import { renderOpenAiError } from "./render-error.js";
import type { TextSlot } from "./text-parts.js";

/** `POST /v1/embeddings`: OpenAI's embeddings API, served by OpenAI-protocol upstreams only. */
export const embeddingsInbound: InboundProtocol = {
  name: "openai",
  endpoint: "embeddings",
  kind: "embedding",

  validate(body) {
    if (typeof body.model !== "string" || body.model === "") {
      throw new GatewayError("invalid_request", "model is required", {
        param: "model",
        code: "invalid_model",
      });
    }
    const input = body.input;
    const valid =
      (typeof input === "string" && input.length > 0) ||
      (Array.isArray(input) && input.length > 0 && input.length <= 2048);
    if (!valid) {
      throw new GatewayError(
        "invalid_request",
        "input must be a non-empty string or an array of up to 2048 items",
        {
          param: "input",
        },
      );
    }
    if (body.stream === true)
      throw new GatewayError("invalid_request", "Embeddings cannot stream", { param: "stream" });
  },

  needs: () => [],
  maxTokens: () => 0,
  wantsStreamUsage: () => false,

  toUpstream(body, target) {
    if (target.provider.type === "anthropic") {
      throw new GatewayError("invalid_request", `${target.provider.name} serves no embeddings`, {
        code: "invalid_model",
        param: "model",
      });
    }
    return { path: "/embeddings", body: JSON.stringify({ ...body, model: target.deployment.upstreamModel }) };
  },

  fromUpstream(text, target) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new GatewayError("upstream", `${target.provider.name} answered with a body that is not JSON`, {
        code: "bad_upstream_response",
      });
    }
    const usage = parsed.usage as { prompt_tokens?: number } | undefined;
    return {
      body: parsed,
      usage:
        usage?.prompt_tokens !== undefined
          ? usageFromOpenAi({
              prompt_tokens: usage.prompt_tokens,
              completion_tokens: 0,
              total_tokens: usage.prompt_tokens,
            } as never)
          : null,
      text: "",
      upstreamText: text,
    };
  },

  openStream() {
    throw new GatewayError("invalid_request", "Embeddings cannot stream", { param: "stream" });
  },

  encode(result, _metadata, asReceived) {
    // Vectors are most of an answer: sent as they came unless something changed them.
    return answerText(result, asReceived);
  },

  renderError: renderOpenAiError,

  promptTexts(body) {
    const slots: TextSlot[] = [];
    if (typeof body.input === "string")
      slots.push({ text: body.input, replace: (text) => (body.input = text) });
    else if (Array.isArray(body.input)) {
      const items = body.input;
      items.forEach((item, index) => {
        if (typeof item === "string") slots.push({ text: item, replace: (text) => (items[index] = text) });
      });
    }
    return slots;
  },

  completionTexts: () => [],
};
