import type { Capability, ProviderType } from "./types.js";

export const allCapabilities: readonly Capability[] = [
  "functions",
  "parallel_functions",
  "vision",
  "structured_output",
  "json_schema",
  "strict",
  "streaming",
  "logprobs",
  "seed",
  "assistants",
  "batch",
  "prompt_caching",
];
const known: ReadonlySet<string> = new Set(allCapabilities);

export function isCapability(name: string): name is Capability {
  return known.has(name);
}

/**
 * What a chat model of an unknown name can be assumed to do, by the protocol its provider speaks.
 * Conservative: a capability a model lacks sends requests that need it elsewhere, whereas one it
 * wrongly claims makes those requests fail upstream. Embedding models have none of these.
 */
export function defaultCapabilities(type: ProviderType, kind: "chat" | "embedding"): readonly Capability[] {
  if (kind === "embedding") return [];
  switch (type) {
    case "openai":
      return ["functions", "parallel_functions", "structured_output", "json_schema", "streaming"];
    case "anthropic":
      return ["functions", "structured_output", "streaming", "prompt_caching"];
    case "openai_compatible":
      return ["functions", "streaming", "structured_output"];
    case "local":
      return ["streaming"];
  }
}
