/**
 * Token usage in one protocol-neutral shape and its conversion to and from both protocols. The
 * shape matches the gateway's metering (`pricing/token-usage.ts`) field for field: `inputTokens` is
 * every prompt token, of which some were read from or written to the prompt cache. OpenAI's
 * prompt_tokens counts the same way; Anthropic's input_tokens excludes cache reads and writes,
 * which it reports beside it.
 */
import type { AnthropicUsage } from "./anthropic-types.js";
import type { OpenAiUsage } from "./openai-types.js";

export interface TokenUsage {
  /** Every prompt token (OpenAI prompt_tokens; Anthropic input + cache read + cache write). */
  inputTokens: number;
  /** Of inputTokens, read from the prompt cache. */
  cachedInputTokens: number;
  /** Of inputTokens, written to the prompt cache (Anthropic cache_creation_input_tokens). */
  cacheWriteTokens: number;
  outputTokens: number;
  /** Of outputTokens, spent on reasoning (OpenAI completion_tokens_details.reasoning_tokens). */
  reasoningTokens: number;
}

export function emptyUsage(): TokenUsage {
  return { inputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 0, reasoningTokens: 0 };
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

/** The counters message_start, message_delta and a message all carry (each may be missing). */
export interface AnthropicUsageCounters {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

export function usageFromAnthropic(usage: AnthropicUsageCounters | null | undefined): TokenUsage {
  const cacheRead = count(usage?.cache_read_input_tokens);
  const cacheWrite = count(usage?.cache_creation_input_tokens);
  return {
    inputTokens: count(usage?.input_tokens) + cacheRead + cacheWrite,
    cachedInputTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    outputTokens: count(usage?.output_tokens),
    reasoningTokens: 0,
  };
}

export function usageFromOpenAi(usage: OpenAiUsage | null | undefined): TokenUsage {
  const prompt = count(usage?.prompt_tokens);
  const completion = count(usage?.completion_tokens);
  return {
    inputTokens: prompt,
    cachedInputTokens: Math.min(prompt, count(usage?.prompt_tokens_details?.cached_tokens)),
    cacheWriteTokens: 0,
    outputTokens: completion,
    reasoningTokens: Math.min(completion, count(usage?.completion_tokens_details?.reasoning_tokens)),
  };
}

export function usageToOpenAi(usage: TokenUsage): OpenAiUsage {
  const converted: OpenAiUsage = {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens },
  };
  if (usage.reasoningTokens > 0)
    converted.completion_tokens_details = { reasoning_tokens: usage.reasoningTokens };
  return converted;
}

export function usageToAnthropic(usage: TokenUsage): AnthropicUsage {
  return {
    input_tokens: Math.max(0, usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteTokens),
    output_tokens: usage.outputTokens,
    cache_creation_input_tokens: usage.cacheWriteTokens,
    cache_read_input_tokens: usage.cachedInputTokens,
  };
}

/** Anthropic's raw counters, as message_start gives them and message_delta updates them. */
export interface AnthropicCounters {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export function emptyAnthropicCounters(): AnthropicCounters {
  return { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
}

/**
 * Folds message_start's or message_delta's usage into the counters. They are cumulative totals,
 * each present only when known (message_delta often has output_tokens alone): overwrite, never add.
 */
export function applyAnthropicUsage(
  counters: AnthropicCounters,
  usage: AnthropicUsageCounters | null | undefined,
): void {
  if (usage === null || usage === undefined) return;
  if (usage.input_tokens != null) counters.input_tokens = count(usage.input_tokens);
  if (usage.output_tokens != null) counters.output_tokens = count(usage.output_tokens);
  if (usage.cache_read_input_tokens != null)
    counters.cache_read_input_tokens = count(usage.cache_read_input_tokens);
  if (usage.cache_creation_input_tokens != null) {
    counters.cache_creation_input_tokens = count(usage.cache_creation_input_tokens);
  }
}
