import type { TokenUsage } from "../pricing/token-usage.js";
import type { OpenAiChatCompletionChunk, OpenAiChatRequest } from "../protocols/index.js";
import {
  AnthropicStreamToOpenAi,
  formatSse,
  OPENAI_DONE_SSE,
  OpenAiStreamUsage,
  structuredOutputToolName,
} from "../protocols/index.js";
import type { Target } from "../routing/plan-route.js";
import type { SseEvent, StreamSession, TextFilter } from "./inbound-protocol.js";
import { appendJsonMember } from "./json-splice.js";
import { UpstreamEventReader } from "./upstream-events.js";

/**
 * Characters of deltas passed on unread (see `OpenAiClientStream.push`) before they are read
 * after all: a long stream holds at most this much text twice.
 */
const maxUnreadChars = 65_536;

/** Stands for a held chunk that was passed on unread: only its upstream text is known. */
const unreadChunk = Object.freeze({}) as OpenAiChatCompletionChunk;

/** Sends OpenAI chunks to the client, holding the last one back so router metadata can ride on it. */
export class OpenAiClientStream implements StreamSession {
  private readonly translator: AnthropicStreamToOpenAi | null;
  private readonly watcher: OpenAiStreamUsage | null;
  private pending: OpenAiChatCompletionChunk | null = null;
  /** The upstream's own bytes for `pending` while nothing changed it: sent as they came, not re-encoded. */
  private pendingData: string | null = null;
  private filter: TextFilter | null = null;
  private readonly events: UpstreamEventReader;
  /** Deltas sent on without being parsed, in order: read only if their text is needed after all. */
  private unread: string[] = [];
  private unreadChars = 0;

  constructor(
    target: Target,
    requestedModel: string,
    private readonly wantsUsage: boolean,
    request: Record<string, unknown>,
  ) {
    const anthropic = target.provider.type === "anthropic";
    this.events = new UpstreamEventReader(anthropic ? "anthropic" : "openai");
    const tool = anthropic ? structuredOutputToolName(request as unknown as OpenAiChatRequest) : undefined;
    this.translator = anthropic
      ? new AnthropicStreamToOpenAi({
          model: requestedModel,
          includeUsage: wantsUsage,
          ...(tool ? { structuredOutputTool: tool } : {}),
        })
      : null;
    this.watcher = anthropic ? null : new OpenAiStreamUsage();
  }

  setTextFilter(filter: TextFilter | null): void {
    this.filter = filter;
  }

  isFirstOutput(event: SseEvent): boolean {
    return this.events.isFirstOutput(event);
  }

  /**
   * Client frames for one upstream event. A same-protocol delta that carries neither usage nor an
   * error, with no guardrail filter on, goes out as it came without being parsed: its text is read
   * only if the stream ends without a usage report (a disconnect, a provider that reports none).
   * Parsing every chunk was most of the gateway's work per streamed token.
   */
  push(event: SseEvent): string[] {
    if (event.data === "[DONE]") return [];
    if (this.watcher && !this.filter) {
      const data = passableDelta(event.data, this.wantsUsage);
      if (data !== null) {
        this.unread.push(event.data);
        this.unreadChars += event.data.length;
        if (this.unreadChars > maxUnreadChars) this.readUnread();
        return this.emit(unreadChunk, data);
      }
    }
    const parsed = this.events.parse(event.data);
    if (!parsed) return [];
    if (this.translator) {
      const frames: string[] = [];
      for (const item of this.translator.push(parsed as never)) {
        if ("error" in item) frames.push(formatSse(item));
        else frames.push(...this.emit(item, null));
      }
      return frames;
    }
    const chunk = parsed as OpenAiChatCompletionChunk & { error?: unknown };
    if (chunk.error !== undefined) return [formatSse(chunk)];
    // Deltas passed on unread come first in the text; a usage-only chunk adds none.
    if ((chunk.choices?.length ?? 0) > 0) this.readUnread();
    this.watcher?.push(chunk);
    const isUsageOnly = (chunk.choices?.length ?? 0) === 0 && chunk.usage;
    if (!this.wantsUsage && chunk.usage !== undefined) {
      if (isUsageOnly) return [];
      delete chunk.usage;
      return this.emit(chunk, null);
    }
    return this.emit(chunk, event.data);
  }

  finish(metadata: Record<string, unknown> | null): string[] {
    const frames = this.flushFilter();
    if (this.pending) {
      if (metadata) this.attachMetadata(metadata);
      frames.push(this.pendingFrame());
      this.pending = null;
    }
    frames.push(OPENAI_DONE_SSE);
    return frames;
  }

  errorFrame(message: string): string {
    return formatSse({ error: { message, type: "provider_error", param: null, code: "stream_failed" } });
  }

  usage(): TokenUsage | null {
    if (this.translator) return this.translator.usageReported ? { ...this.translator.usage } : null;
    // A usage report the search missed (an escaped key) is among the unread deltas.
    if (!this.watcher?.usageReported) this.readUnread();
    return this.watcher?.usageReported ? { ...this.watcher.usage } : null;
  }

  generatedText(): string {
    this.readUnread();
    return this.translator ? this.translator.generatedText() : (this.watcher?.generatedText() ?? "");
  }

  /** Reads the deltas passed on unread into the usage watcher, in order. */
  private readUnread(): void {
    if (this.unread.length === 0) return;
    const unread = this.unread;
    this.unread = [];
    this.unreadChars = 0;
    for (const data of unread) this.watcher?.pushData(data);
  }

  /** Router metadata on the held chunk: spliced into its upstream text when that is sent as it came. */
  private attachMetadata(metadata: Record<string, unknown>): void {
    const pending = this.pending as unknown as Record<string, unknown>;
    const spliced =
      this.pendingData !== null && !Object.hasOwn(pending, "router_metadata")
        ? appendJsonMember(this.pendingData, "router_metadata", metadata)
        : null;
    if (spliced !== null) this.pendingData = spliced;
    else if (this.pending !== unreadChunk) {
      pending.router_metadata = metadata;
      this.pendingData = null;
    }
    // An unread chunk whose text is not a JSON object goes out as it came, without metadata.
  }

  /** Holds `chunk` back and gives the frame of the one held before; `data` is its upstream text, if unchanged. */
  private emit(chunk: OpenAiChatCompletionChunk, data: string | null): string[] {
    const frames: string[] = [];
    const choice = chunk.choices?.[0];
    if (this.filter && choice) {
      if (typeof choice.delta?.content === "string" && choice.delta.content.length > 0) {
        choice.delta.content = this.filter.push(choice.delta.content);
        data = null;
      }
      if (choice.finish_reason) frames.push(...this.flushFilter(chunk));
    }
    if (this.pending) frames.push(this.pendingFrame());
    this.pending = chunk;
    this.pendingData = data;
    return frames;
  }

  private pendingFrame(): string {
    return this.pendingData !== null && !this.pendingData.includes("\n")
      ? `data: ${this.pendingData}\n\n`
      : formatSse(this.pending ?? {});
  }

  /** Text the redactor still held: sent as one more content chunk before the stream ends. */
  private flushFilter(template?: OpenAiChatCompletionChunk): string[] {
    if (!this.filter) return [];
    const rest = this.filter.flush();
    const base = template ?? this.pending;
    if (!rest || !base) return [];
    const chunk: OpenAiChatCompletionChunk = {
      ...base,
      choices: [{ index: 0, delta: { content: rest }, logprobs: null, finish_reason: null }],
    };
    const frames = this.pending ? [this.pendingFrame()] : [];
    this.pending = chunk;
    this.pendingData = null;
    return frames;
  }
}

/**
 * The frame data for an OpenAI chunk that can go out unparsed, or null when it must be read: it
 * may carry usage or an error, is not a one-line JSON object, or its `"usage":null` (OpenAI's on
 * every chunk when usage is asked for) must go because the client did not ask. A quote cannot
 * appear unescaped inside a JSON string, so the searches below find keys (or whole values), never
 * generated text; a false match only means the chunk is parsed.
 */
function passableDelta(data: string, wantsUsage: boolean): string | null {
  if (data.charCodeAt(0) !== 0x7b /* { */ || data.includes("\n")) return null;
  if (data.includes('"error"') || data.includes('"router_metadata"')) return null;
  const at = data.indexOf('"usage"');
  if (at === -1) return data;
  if (!data.startsWith('"usage":null', at) || data.includes('"usage"', at + 7)) return null;
  if (wantsUsage) return data;
  // Cut `,"usage":null` (or `"usage":null,`), as the client would not have seen it.
  if (data.charCodeAt(at - 1) === 0x2c /* , */) return data.slice(0, at - 1) + data.slice(at + 12);
  if (data.charCodeAt(at + 12) === 0x2c) return data.slice(0, at) + data.slice(at + 13);
  return null;
}
