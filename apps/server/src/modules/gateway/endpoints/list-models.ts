import type { FastifyReply, FastifyRequest } from "fastify";
import type { CatalogSnapshot } from "../catalog/types.js";
import type { CallerResolver } from "../routes/gateway-caller.js";

/**
 * `GET /v1/models`: the models this caller may use. Anthropic clients (they send
 * `anthropic-version`) get the Anthropic list shape, everyone else OpenAI's.
 */
export async function listModels(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { resolveCaller: CallerResolver; catalog: { snapshot(): CatalogSnapshot } },
): Promise<void> {
  const caller = await deps.resolveCaller(request);
  const allowed = caller.principal.apiKey?.gateway.allowed_models ?? [];
  const snapshot = deps.catalog.snapshot();
  const allowedIds = new Set(allowed.map((name) => snapshot.resolve(name)?.id).filter(Boolean));
  const models = snapshot.models.filter((model) => allowed.length === 0 || allowedIds.has(model.id));
  const created = 1_700_000_000;
  // No provider is asked: the whole answer is Tributary's own time.
  reply.header("x-tributary-overhead-ms", reply.elapsedTime.toFixed(3));
  if (typeof request.headers["anthropic-version"] === "string") {
    const data = models.map((model) => ({
      type: "model",
      id: model.name,
      display_name: model.displayName,
      created_at: new Date(created * 1000).toISOString(),
    }));
    await reply.send({
      data,
      has_more: false,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
    });
    return;
  }
  await reply.send({
    object: "list",
    data: models.map((model) => ({
      id: model.name,
      object: "model",
      created,
      owned_by: model.deployments[0]?.providerName ?? "tributary",
    })),
  });
}
