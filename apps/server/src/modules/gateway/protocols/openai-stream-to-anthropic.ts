/**
 * OpenAI `chat.completion.chunk`s as an Anthropic event stream, chunk by chunk: `message_start`
 * (usage is a placeholder: OpenAI reports it only at the end), then per block
 * `content_block_start` / deltas / `content_block_stop` (text, and one tool_use block per tool call,
 * the call's index mapped to a block index), and at the end `message_delta` (stop reason and the
 * final usage, input counters included as Anthropic's SDK reads them there) and `message_stop`.
 *
 * The end is emitted by `end()` (or `pushData("[DONE]")`), not at finish_reason: the usage chunk
 * comes after the finish chunk. OpenAI streams tool calls one after another; if an upstream ever
 * interleaved them, later fragments go to the earlier call's block index (the SDKs accumulate by
 * index), after that block's stop event.
 */
import type { AnthropicStreamEvent, AnthropicToolUseBlock } from "./anthropic-types.js";
import { openAiErrorObjectToAnthropic } from "./errors.js";
import { openAiFinishToAnthropicStop } from "./finish-reasons.js";
import { anthropicMessageId, anthropicToolUseId } from "./ids.js";
import type {
  OpenAiChatCompletionChunk,
  OpenAiErrorBody,
  OpenAiFinishReason,
  OpenAiStreamItem,
  OpenAiToolCallDelta,
} from "./openai-types.js";
import { OPENAI_DONE_DATA } from "./sse.js";
import { OpenAiStreamUsage } from "./stream-usage.js";
import { type TokenUsage, usageToAnthropic } from "./usage.js";

export interface OpenAiStreamToAnthropicOptions {
  /** The model name the client asked for. */
  model: string;
  /** The message id; defaults to one derived from the first chunk's id. */
  messageId?: string;
  /** An estimate for message_start's input_tokens (the real count arrives in message_delta). */
  estimatedInputTokens?: number;
}

interface OpenBlock {
  index: number;
  kind: "text" | "tool_use";
}

function isErrorItem(item: OpenAiStreamItem): item is OpenAiErrorBody {
  const error = (item as { error?: unknown }).error;
  return error !== null && typeof error === "object";
}

export class OpenAiStreamToAnthropic {
  private readonly model: string;
  private readonly estimatedInputTokens: number;
  private messageId: string | undefined;
  private started = false;
  private ended = false;
  private open: OpenBlock | undefined;
  private nextBlockIndex = 0;
  private readonly toolBlocks = new Map<number, number>();
  private finishReason: OpenAiFinishReason | null = null;
  private sawRefusal = false;
  private readonly watcher = new OpenAiStreamUsage();

  constructor(options: OpenAiStreamToAnthropicOptions) {
    this.model = options.model;
    this.messageId = options.messageId;
    this.estimatedInputTokens = options.estimatedInputTokens ?? 0;
  }

  /** Usage as the upstream reported it (zeros until its usage chunk). */
  get usage(): Readonly<TokenUsage> {
    return this.watcher.usage;
  }

  /** Whether the upstream sent a usage chunk; without one, metering has to estimate. */
  get usageReported(): boolean {
    return this.watcher.usageReported;
  }

  /** Characters the model produced, for estimating when usage is missing. */
  get completionCharacters(): number {
    return this.watcher.completionCharacters;
  }

  /** The text the model produced (content, refusals, tool arguments), for counting when usage is missing. */
  generatedText(): string {
    return this.watcher.generatedText();
  }

  /** True once `end()` closed the message. */
  get finished(): boolean {
    return this.ended;
  }

  /** Whether a finish_reason arrived (an upstream cut before it did is a truncated answer). */
  get sawFinishReason(): boolean {
    return this.finishReason !== null;
  }

  /** One SSE `data:` payload of the upstream: a chunk's JSON, or `[DONE]` (which ends the message). */
  pushData(data: string): AnthropicStreamEvent[] {
    if (data === OPENAI_DONE_DATA) return this.end();
    return this.push(JSON.parse(data) as OpenAiStreamItem);
  }

  push(item: OpenAiStreamItem): AnthropicStreamEvent[] {
    if (this.ended) return [];
    if (isErrorItem(item)) return [{ type: "error", error: openAiErrorObjectToAnthropic(item.error) }];
    this.watcher.push(item);
    const events: AnthropicStreamEvent[] = [];
    this.begin(item, events);
    // Only the first choice exists for the client (Anthropic has no `n`).
    const choice = item.choices?.find((candidate) => candidate.index === 0);
    if (choice === undefined) return events;
    const delta = choice.delta ?? {};
    if (typeof delta.content === "string" && delta.content !== "") this.text(delta.content, events);
    if (typeof delta.refusal === "string" && delta.refusal !== "") {
      this.sawRefusal = true;
      this.text(delta.refusal, events);
    }
    for (const call of delta.tool_calls ?? []) this.toolCall(call, events);
    if (choice.finish_reason !== null && choice.finish_reason !== undefined) {
      this.finishReason = choice.finish_reason;
      this.closeOpenBlock(events);
    }
    return events;
  }

  /** Closes the message: call on `[DONE]` (or a clean end of the body). */
  end(): AnthropicStreamEvent[] {
    if (this.ended) return [];
    const events: AnthropicStreamEvent[] = [];
    this.begin(undefined, events);
    this.closeOpenBlock(events);
    if (this.nextBlockIndex === 0) {
      // Like the non-stream translation: an empty answer is one empty text block.
      events.push({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
      events.push({ type: "content_block_stop", index: 0 });
      this.nextBlockIndex = 1;
    }
    const usage = usageToAnthropic(this.watcher.usage);
    events.push(
      {
        type: "message_delta",
        delta: {
          stop_reason: this.sawRefusal ? "refusal" : openAiFinishToAnthropicStop(this.finishReason),
          stop_sequence: null,
        },
        usage,
      },
      { type: "message_stop" },
    );
    this.ended = true;
    return events;
  }

  private begin(chunk: OpenAiChatCompletionChunk | undefined, events: AnthropicStreamEvent[]): void {
    if (this.started) return;
    this.started = true;
    this.messageId ??= anthropicMessageId(chunk?.id ?? "stream");
    events.push({
      type: "message_start",
      message: {
        id: this.messageId,
        type: "message",
        role: "assistant",
        model: this.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: this.estimatedInputTokens,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          output_tokens: 0,
        },
      },
    });
  }

  private closeOpenBlock(events: AnthropicStreamEvent[]): void {
    if (this.open === undefined) return;
    events.push({ type: "content_block_stop", index: this.open.index });
    this.open = undefined;
  }

  private startBlock(
    kind: OpenBlock["kind"],
    events: AnthropicStreamEvent[],
    toolUse?: AnthropicToolUseBlock,
  ): number {
    this.closeOpenBlock(events);
    const index = this.nextBlockIndex;
    this.nextBlockIndex += 1;
    this.open = { index, kind };
    events.push({
      type: "content_block_start",
      index,
      content_block: toolUse ?? { type: "text", text: "" },
    });
    return index;
  }

  private text(text: string, events: AnthropicStreamEvent[]): void {
    const index = this.open?.kind === "text" ? this.open.index : this.startBlock("text", events);
    events.push({ type: "content_block_delta", index, delta: { type: "text_delta", text } });
  }

  private toolCall(call: OpenAiToolCallDelta, events: AnthropicStreamEvent[]): void {
    const toolIndex = typeof call.index === "number" ? call.index : 0;
    let index = this.toolBlocks.get(toolIndex);
    if (index === undefined) {
      const id = call.id ?? anthropicToolUseId(this.messageId ?? "stream", toolIndex);
      index = this.startBlock("tool_use", events, {
        type: "tool_use",
        id,
        name: call.function?.name ?? "",
        input: {},
      });
      this.toolBlocks.set(toolIndex, index);
    }
    const fragment = call.function?.arguments;
    if (typeof fragment === "string" && fragment !== "") {
      events.push({
        type: "content_block_delta",
        index,
        delta: { type: "input_json_delta", partial_json: fragment },
      });
    }
  }
}
