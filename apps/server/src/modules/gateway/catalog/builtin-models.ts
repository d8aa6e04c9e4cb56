import { knownNameCandidates } from "./prices.js";
import type { Capability } from "./types.js";

/** What is known of a well-known model, used as defaults when one is declared or created by name. */
export interface BuiltinModel {
  readonly displayName: string;
  readonly kind: "chat" | "embedding";
  readonly contextWindow: number;
  readonly maxOutputTokens: number;
  readonly qualityRank: number;
  readonly capabilities: readonly Capability[];
  readonly tags: readonly string[];
}

const openAiChat: readonly Capability[] = [
  "functions",
  "parallel_functions",
  "structured_output",
  "streaming",
  "logprobs",
  "seed",
  "assistants",
  "batch",
];
const openAiModern: readonly Capability[] = [
  ...openAiChat,
  "vision",
  "json_schema",
  "strict",
  "prompt_caching",
];
// Reasoning models: no logprobs, no sampling seed.
const openAiReasoning: readonly Capability[] = [
  "functions",
  "parallel_functions",
  "structured_output",
  "json_schema",
  "strict",
  "streaming",
  "vision",
  "batch",
  "prompt_caching",
];
const claude: readonly Capability[] = [
  "functions",
  "parallel_functions",
  "structured_output",
  "streaming",
  "batch",
  "prompt_caching",
];
const claudeVision: readonly Capability[] = [...claude, "vision"];

const chat = (
  displayName: string,
  contextWindow: number,
  maxOutputTokens: number,
  qualityRank: number,
  capabilities: readonly Capability[],
  tags: readonly string[],
): BuiltinModel => ({
  displayName,
  kind: "chat",
  contextWindow,
  maxOutputTokens,
  qualityRank,
  capabilities,
  tags,
});
const embedding = (displayName: string, qualityRank: number): BuiltinModel => ({
  displayName,
  kind: "embedding",
  contextWindow: 8191,
  maxOutputTokens: 0,
  qualityRank,
  capabilities: [],
  tags: ["embedding"],
});

/**
 * tas-router-mcp §3.2 (context, 4096 output tokens, vision and tags as listed there) and current
 * OpenAI and Anthropic models. Quality ranks order models for `optimize_for: quality`.
 */
export const builtinModels: Readonly<Record<string, BuiltinModel>> = Object.freeze({
  "gpt-4": chat("GPT-4", 8192, 4096, 80, openAiChat, ["reasoning", "code", "analysis"]),
  "gpt-4-turbo": chat(
    "GPT-4 Turbo",
    128_000,
    4096,
    82,
    [...openAiChat, "vision", "json_schema", "strict"],
    ["reasoning", "code", "vision", "long-context"],
  ),
  "gpt-4-vision": chat(
    "GPT-4 Vision",
    128_000,
    4096,
    75,
    [...openAiChat, "vision"],
    ["vision", "multimodal", "analysis"],
  ),
  "gpt-3.5-turbo": chat("GPT-3.5 Turbo", 16_385, 4096, 55, openAiChat, ["fast", "cost-effective", "general"]),
  "claude-3-opus": chat("Claude 3 Opus", 200_000, 4096, 85, claudeVision, [
    "reasoning",
    "creative",
    "long-context",
    "vision",
  ]),
  "claude-3-sonnet": chat("Claude 3 Sonnet", 200_000, 4096, 70, claudeVision, [
    "balanced",
    "cost-effective",
    "vision",
  ]),
  "claude-3-haiku": chat("Claude 3 Haiku", 200_000, 4096, 60, claude, ["fast", "cost-effective", "simple"]),
  "gpt-4o": chat("GPT-4o", 128_000, 16_384, 88, openAiModern, ["general", "vision", "code"]),
  "gpt-4o-mini": chat("GPT-4o mini", 128_000, 16_384, 72, openAiModern, ["fast", "cost-effective", "vision"]),
  "gpt-4.1": chat("GPT-4.1", 1_047_576, 32_768, 90, openAiModern, ["code", "long-context", "vision"]),
  "gpt-4.1-mini": chat("GPT-4.1 mini", 1_047_576, 32_768, 78, openAiModern, [
    "cost-effective",
    "long-context",
    "vision",
  ]),
  "gpt-4.1-nano": chat("GPT-4.1 nano", 1_047_576, 32_768, 60, openAiModern, ["fast", "cost-effective"]),
  o1: chat("o1", 200_000, 100_000, 90, openAiReasoning, ["reasoning"]),
  "o3-mini": chat("o3-mini", 200_000, 100_000, 82, openAiReasoning, ["reasoning", "cost-effective"]),
  o3: chat("o3", 200_000, 100_000, 95, openAiReasoning, ["reasoning", "code", "vision"]),
  "o4-mini": chat("o4-mini", 200_000, 100_000, 85, openAiReasoning, ["reasoning", "cost-effective"]),
  "claude-3-5-sonnet": chat("Claude 3.5 Sonnet", 200_000, 8192, 88, claudeVision, [
    "balanced",
    "code",
    "vision",
  ]),
  "claude-3-5-haiku": chat("Claude 3.5 Haiku", 200_000, 8192, 72, claude, ["fast", "cost-effective"]),
  "claude-3-7-sonnet": chat("Claude 3.7 Sonnet", 200_000, 64_000, 90, claudeVision, [
    "reasoning",
    "code",
    "vision",
  ]),
  "claude-sonnet-4": chat("Claude Sonnet 4", 200_000, 64_000, 92, claudeVision, [
    "reasoning",
    "code",
    "vision",
  ]),
  "claude-opus-4": chat("Claude Opus 4", 200_000, 32_000, 95, claudeVision, ["reasoning", "code", "vision"]),
  "text-embedding-3-small": embedding("Text Embedding 3 Small", 60),
  "text-embedding-3-large": embedding("Text Embedding 3 Large", 80),
  "text-embedding-ada-002": embedding("Text Embedding Ada 002", 50),
});

/** The built-in entry for a model known by any of these names (dated variants included), or null. */
export function builtinModelFor(...names: readonly (string | undefined)[]): BuiltinModel | null {
  for (const name of names) {
    if (name === undefined) continue;
    for (const candidate of knownNameCandidates(name)) {
      const model = builtinModels[candidate];
      if (model) return model;
    }
  }
  return null;
}
