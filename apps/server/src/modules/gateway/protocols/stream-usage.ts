/**
 * Usage watchers for streams: they read each event for metering and never change it. The gateway
 * uses them on same-protocol streams it forwards untouched; the translators use them too. Both keep
 * the text the model produced (content, refusals, tool arguments), so metering can count output
 * tokens itself when an upstream reports no usage.
 */
import type { AnthropicStreamEvent } from "./anthropic-types.js";
import type { OpenAiStreamItem } from "./openai-types.js";
import { OPENAI_DONE_DATA } from "./sse.js";
import { unexpected } from "./unexpected.js";
import {
  type AnthropicCounters,
  applyAnthropicUsage,
  emptyAnthropicCounters,
  emptyUsage,
  type TokenUsage,
  usageFromAnthropic,
  usageFromOpenAi,
} from "./usage.js";

/** The generated text, kept as pieces and joined only when asked for. */
class GeneratedText {
  private pieces: string[] = [];
  private length = 0;

  add(text: string): void {
    if (text === "") return;
    this.pieces.push(text);
    this.length += text.length;
  }

  get characters(): number {
    return this.length;
  }

  text(): string {
    if (this.pieces.length > 1) this.pieces = [this.pieces.join("")];
    return this.pieces[0] ?? "";
  }
}

export class OpenAiStreamUsage {
  private tokens: TokenUsage = emptyUsage();
  private reported = false;
  private done = false;
  private sawFinish = false;
  private readonly generated = new GeneratedText();

  /** Usage as reported (zeros until the usage chunk). */
  get usage(): Readonly<TokenUsage> {
    return this.tokens;
  }

  /** Whether a chunk carried usage (with include_usage: the last one before [DONE]). */
  get usageReported(): boolean {
    return this.reported;
  }

  /** True once `[DONE]` or a finish_reason arrived. */
  get finished(): boolean {
    return this.done || this.sawFinish;
  }

  /** Characters of content, refusals and tool-call arguments, over every choice. */
  get completionCharacters(): number {
    return this.generated.characters;
  }

  generatedText(): string {
    return this.generated.text();
  }

  /** One SSE `data:` payload; payloads that are not JSON are ignored (the client gets them as they are). */
  pushData(data: string): void {
    if (data === OPENAI_DONE_DATA) {
      this.done = true;
      return;
    }
    let item: OpenAiStreamItem;
    try {
      item = JSON.parse(data) as OpenAiStreamItem;
    } catch {
      return;
    }
    this.push(item);
  }

  push(item: OpenAiStreamItem): void {
    if (item === null || typeof item !== "object" || !("choices" in item)) return;
    if (item.usage !== undefined && item.usage !== null) {
      this.tokens = usageFromOpenAi(item.usage);
      this.reported = true;
    }
    if (!Array.isArray(item.choices)) return;
    for (const choice of item.choices) {
      const delta = choice.delta;
      if (delta !== undefined && delta !== null) {
        if (typeof delta.content === "string") this.generated.add(delta.content);
        if (typeof delta.refusal === "string") this.generated.add(delta.refusal);
        if (Array.isArray(delta.tool_calls)) {
          for (const call of delta.tool_calls) this.generated.add(call.function?.arguments ?? "");
        }
      }
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) this.sawFinish = true;
    }
  }
}

export class AnthropicStreamUsage {
  private readonly counters: AnthropicCounters = emptyAnthropicCounters();
  private started = false;
  private reported = false;
  private done = false;
  private readonly generated = new GeneratedText();

  /** Input counters from message_start (updated by message_delta when it has them), output from message_delta. */
  get usage(): Readonly<TokenUsage> {
    return this.started ? usageFromAnthropic(this.counters) : emptyUsage();
  }

  /** The raw Anthropic counters (input_tokens excludes cache reads and writes). */
  get anthropicCounters(): Readonly<AnthropicCounters> {
    return this.counters;
  }

  /** Whether message_delta gave the final output count (message_start's is provisional). */
  get usageReported(): boolean {
    return this.reported;
  }

  /** True once message_stop arrived. */
  get finished(): boolean {
    return this.done;
  }

  /** Characters of text, tool input JSON and thinking the model produced. */
  get completionCharacters(): number {
    return this.generated.characters;
  }

  generatedText(): string {
    return this.generated.text();
  }

  /** One SSE `data:` payload; payloads that are not JSON are ignored. */
  pushData(data: string): void {
    let event: AnthropicStreamEvent;
    try {
      event = JSON.parse(data) as AnthropicStreamEvent;
    } catch {
      return;
    }
    this.push(event);
  }

  push(event: AnthropicStreamEvent): void {
    if (event === null || typeof event !== "object") return;
    switch (event.type) {
      case "message_start":
        this.started = true;
        applyAnthropicUsage(this.counters, event.message?.usage);
        return;
      case "content_block_delta": {
        const delta = event.delta;
        if (delta?.type === "text_delta") this.generated.add(delta.text);
        else if (delta?.type === "input_json_delta") this.generated.add(delta.partial_json);
        else if (delta?.type === "thinking_delta") this.generated.add(delta.thinking);
        return;
      }
      case "message_delta":
        this.started = true;
        applyAnthropicUsage(this.counters, event.usage);
        this.reported = this.reported || typeof event.usage?.output_tokens === "number";
        return;
      case "message_stop":
        this.done = true;
        return;
      case "content_block_start":
      case "content_block_stop":
      case "ping":
      case "error":
        return;
      default:
        unexpected(event, undefined);
    }
  }
}
