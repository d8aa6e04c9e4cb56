import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { anthropicInbound } from "../endpoints/anthropic-inbound.js";
import { embeddingsInbound } from "../endpoints/embeddings-inbound.js";
import { listModels } from "../endpoints/list-models.js";
import { openAiInbound } from "../endpoints/openai-inbound.js";
import { renderAnthropicError, renderOpenAiError } from "../endpoints/render-error.js";
import { type GatewayDeps, serveCompletion } from "../endpoints/serve-completion.js";
import { GatewayError } from "../gateway-error.js";

/**
 * The OpenAI- and Anthropic-compatible endpoints. They bypass the platform route builder: errors
 * must take each protocol's own shape, and the hot path has no room for schema compilation per
 * call (the protocol adapters validate what the gateway relies on; the rest passes through).
 */
export function registerWireRoutes(deps: GatewayDeps, bodyLimitBytes: number) {
  return async function wireRoutes(app: FastifyInstance): Promise<void> {
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const anthropic = request.url.startsWith("/v1/messages");
      const gatewayError =
        error instanceof GatewayError
          ? error
          : error.statusCode === 413
            ? new GatewayError("request_too_large", "The request body is too large")
            : error.statusCode !== undefined && error.statusCode < 500
              ? new GatewayError("invalid_request", error.message.replace(/^Body /, "Request body "))
              : new GatewayError("internal", "The gateway failed to handle this call");
      if (!(error instanceof GatewayError) && (error.statusCode ?? 500) >= 500) {
        request.log.error({ err: error }, "gateway route failed");
      }
      const rendered = anthropic ? renderAnthropicError(gatewayError) : renderOpenAiError(gatewayError);
      // Refused before any provider was involved: all of the time so far is Tributary's.
      reply.header("x-tributary-overhead-ms", reply.elapsedTime.toFixed(3));
      for (const [name, value] of Object.entries(rendered.headers)) reply.header(name, value);
      return reply.status(rendered.status).send(rendered.body);
    });
    const hidden = { schema: { hide: true }, bodyLimit: bodyLimitBytes } as const;
    const chat = (request: FastifyRequest, reply: FastifyReply) =>
      serveCompletion(openAiInbound, request, reply, deps);
    app.post("/v1/chat/completions", hidden, chat);
    app.post("/api/v1/chat/completions", hidden, chat);
    app.post("/v1/messages", hidden, (request, reply) =>
      serveCompletion(anthropicInbound, request, reply, deps),
    );
    app.post("/v1/embeddings", hidden, (request, reply) =>
      serveCompletion(embeddingsInbound, request, reply, deps),
    );
    app.get("/v1/models", { schema: { hide: true } }, (request, reply) => listModels(request, reply, deps));
  };
}
