import type { JsonReply } from "./http-io.js";

export const DEFAULT_MODELS = [
  "gpt-4o",
  "gpt-4o-mini",
  "text-embedding-3-small",
  "claude-sonnet-4-6",
  "claude-haiku-4-5",
];

// A fixed timestamp keeps listings byte-identical between runs.
const CREATED = 1_715_367_049;

function ownerOf(id: string): string {
  return id.startsWith("claude") ? "anthropic" : id.startsWith("gpt") ? "system" : "openai";
}

/** GET /v1/models as api.openai.com answers it. */
export function openAiModels(models: readonly string[]): JsonReply {
  return {
    status: 200,
    headers: {},
    body: {
      object: "list",
      data: models.map((id) => ({ id, object: "model", created: CREATED, owned_by: ownerOf(id) })),
    },
  };
}

/** GET /v1/models as api.anthropic.com answers it (chosen when the anthropic-version header is present). */
export function anthropicModels(models: readonly string[]): JsonReply {
  const data = models.map((id) => ({
    type: "model",
    id,
    display_name: id,
    created_at: new Date(CREATED * 1000).toISOString(),
  }));
  return {
    status: 200,
    headers: {},
    body: { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null },
  };
}
