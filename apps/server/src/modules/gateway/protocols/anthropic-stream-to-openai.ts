/**
 * An Anthropic event stream as OpenAI `chat.completion.chunk`s, event by event (nothing buffered, so
 * the client sees each token when the upstream sends it). The chunks follow api.openai.com's order:
 * a role chunk (`{role:"assistant", content:""}`), content and tool-call deltas (a call's first
 * delta has its index, id, type and name with empty arguments; later ones argument text only), an
 * empty delta with finish_reason, then, when include_usage was asked, a usage chunk with
 * `choices: []`. With include_usage every other chunk carries `usage: null`, as OpenAI's do.
 *
 * With json_schema emulation the schema tool's input JSON streams as `content`. Text the model
 * wrote before calling it would already be sent (the non-stream translation drops it); with the
 * tool forced, Claude calls it straight away, so there is none in practice.
 */
import type {
  AnthropicContentBlockDeltaEvent,
  AnthropicContentBlockStartEvent,
  AnthropicMessageDeltaEvent,
  AnthropicStopReason,
  AnthropicStreamEvent,
} from "./anthropic-types.js";
import { anthropicErrorObjectToOpenAi } from "./errors.js";
import { anthropicStopToOpenAiFinish } from "./finish-reasons.js";
import { openAiCompletionId } from "./ids.js";
import type {
  OpenAiChatCompletionChunk,
  OpenAiDelta,
  OpenAiFinishReason,
  OpenAiStreamItem,
} from "./openai-types.js";
import { AnthropicStreamUsage } from "./stream-usage.js";
import { unexpected } from "./unexpected.js";
import { type TokenUsage, usageToOpenAi } from "./usage.js";

export interface AnthropicStreamToOpenAiOptions {
  /** The model name the client asked for (echoed in every chunk). */
  model: string;
  /** The chunks' shared id; defaults to one derived from the Anthropic message id. */
  id?: string;
  /** Unix seconds; defaults to now. */
  created?: number;
  /** The client's `stream_options.include_usage`. */
  includeUsage?: boolean;
  /** `structuredOutputToolName(request)`: that tool's input streams as content. */
  structuredOutputTool?: string;
}

/** What an open tool_use block turns into on the OpenAI side. */
interface ToolBlock {
  /** The tool call's `index`, or undefined for the structured-output tool (streamed as content). */
  toolIndex: number | undefined;
  /** Whether any argument text was sent; a call with none gets "{}" so clients can parse it. */
  sentArguments: boolean;
}

export class AnthropicStreamToOpenAi {
  private readonly model: string;
  private readonly includeUsage: boolean;
  private readonly structuredOutputTool: string | undefined;
  private id: string | undefined;
  private readonly created: number;
  private started = false;
  private finishSent = false;
  private finishedCleanly = false;
  private readonly toolBlocks = new Map<number, ToolBlock>();
  private nextToolIndex = 0;
  private sawStructuredOutput = false;
  private stopReason: AnthropicStopReason | null = null;
  private readonly watcher = new AnthropicStreamUsage();

  constructor(options: AnthropicStreamToOpenAiOptions) {
    this.model = options.model;
    this.id = options.id;
    this.created = options.created ?? Math.floor(Date.now() / 1000);
    this.includeUsage = options.includeUsage === true;
    this.structuredOutputTool = options.structuredOutputTool;
  }

  /** Usage so far (final once `finished`): input from message_start, output from message_delta. */
  get usage(): Readonly<TokenUsage> {
    return this.watcher.usage;
  }

  /** Whether message_delta gave the final output count. */
  get usageReported(): boolean {
    return this.watcher.usageReported;
  }

  /** Characters the model produced, for estimating when usage is missing. */
  get completionCharacters(): number {
    return this.watcher.completionCharacters;
  }

  /** The text the model produced (text and tool input JSON), for counting when usage is missing. */
  generatedText(): string {
    return this.watcher.generatedText();
  }

  /** True once message_stop arrived: the answer is complete. */
  get finished(): boolean {
    return this.finishedCleanly;
  }

  /** The upstream's stop reason, once message_delta gave it. */
  get anthropicStopReason(): AnthropicStopReason | null {
    return this.stopReason;
  }

  /** One SSE `data:` payload of the upstream (the JSON of an event). */
  pushData(data: string): OpenAiStreamItem[] {
    return this.push(JSON.parse(data) as AnthropicStreamEvent);
  }

  push(event: AnthropicStreamEvent): OpenAiStreamItem[] {
    this.watcher.push(event);
    switch (event.type) {
      case "message_start":
        this.id ??= openAiCompletionId(event.message?.id ?? "stream");
        return this.begin([]);
      case "content_block_start":
        return this.begin(this.blockStart(event));
      case "content_block_delta":
        return this.begin(this.blockDelta(event));
      case "content_block_stop":
        return this.begin(this.blockStop(event.index));
      case "message_delta":
        return this.begin(this.messageDelta(event));
      case "message_stop":
        return this.begin(this.messageStop());
      case "ping":
        return [];
      case "error":
        return [{ error: anthropicErrorObjectToOpenAi(event.error) }];
      default:
        // Event types added after this was written carry nothing an OpenAI client knows.
        return unexpected(event, []);
    }
  }

  /** Puts the role chunk first, whatever event happens to open the stream. */
  private begin(chunks: OpenAiChatCompletionChunk[]): OpenAiChatCompletionChunk[] {
    if (this.started) return chunks;
    this.started = true;
    return [this.chunk({ role: "assistant", content: "" }), ...chunks];
  }

  private chunk(
    delta: OpenAiDelta,
    finishReason: OpenAiFinishReason | null = null,
  ): OpenAiChatCompletionChunk {
    const chunk: OpenAiChatCompletionChunk = {
      id: this.id ?? openAiCompletionId("stream"),
      object: "chat.completion.chunk",
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    };
    if (this.includeUsage) chunk.usage = null;
    return chunk;
  }

  private toolCallChunk(toolIndex: number, argumentsText: string): OpenAiChatCompletionChunk {
    return this.chunk({ tool_calls: [{ index: toolIndex, function: { arguments: argumentsText } }] });
  }

  private blockStart(event: AnthropicContentBlockStartEvent): OpenAiChatCompletionChunk[] {
    const block = event.content_block;
    switch (block.type) {
      case "text":
        return block.text === "" ? [] : [this.chunk({ content: block.text })];
      case "tool_use":
        if (block.name === this.structuredOutputTool) {
          this.sawStructuredOutput = true;
          this.toolBlocks.set(event.index, { toolIndex: undefined, sentArguments: false });
          return [];
        }
        {
          const toolIndex = this.nextToolIndex;
          this.nextToolIndex += 1;
          this.toolBlocks.set(event.index, { toolIndex, sentArguments: false });
          return [
            this.chunk({
              tool_calls: [
                {
                  index: toolIndex,
                  id: block.id,
                  type: "function",
                  function: { name: block.name, arguments: "" },
                },
              ],
            }),
          ];
        }
      case "thinking":
      case "redacted_thinking":
        return [];
      default:
        return unexpected(block, []);
    }
  }

  private blockDelta(event: AnthropicContentBlockDeltaEvent): OpenAiChatCompletionChunk[] {
    const delta = event.delta;
    switch (delta.type) {
      case "text_delta":
        return delta.text === "" ? [] : [this.chunk({ content: delta.text })];
      case "input_json_delta": {
        const block = this.toolBlocks.get(event.index);
        if (block === undefined || delta.partial_json === "") return [];
        block.sentArguments = true;
        return block.toolIndex === undefined
          ? [this.chunk({ content: delta.partial_json })]
          : [this.toolCallChunk(block.toolIndex, delta.partial_json)];
      }
      case "thinking_delta":
      case "signature_delta":
      case "citations_delta":
        return [];
      default:
        return unexpected(delta, []);
    }
  }

  private blockStop(index: number): OpenAiChatCompletionChunk[] {
    const block = this.toolBlocks.get(index);
    if (block === undefined || block.sentArguments) return [];
    block.sentArguments = true;
    return block.toolIndex === undefined
      ? [this.chunk({ content: "{}" })]
      : [this.toolCallChunk(block.toolIndex, "{}")];
  }

  private finishReason(): OpenAiFinishReason {
    // The schema tool answering alone is a normal end for a client that asked for JSON output.
    if (this.sawStructuredOutput && this.nextToolIndex === 0) return "stop";
    return anthropicStopToOpenAiFinish(this.stopReason);
  }

  private messageDelta(event: AnthropicMessageDeltaEvent): OpenAiChatCompletionChunk[] {
    this.stopReason = event.delta?.stop_reason ?? null;
    if (this.finishSent) return [];
    this.finishSent = true;
    return [this.chunk({}, this.finishReason())];
  }

  private messageStop(): OpenAiChatCompletionChunk[] {
    this.finishedCleanly = true;
    const chunks: OpenAiChatCompletionChunk[] = [];
    if (!this.finishSent) {
      this.finishSent = true;
      chunks.push(this.chunk({}, this.finishReason()));
    }
    if (this.includeUsage) {
      chunks.push({
        id: this.id ?? openAiCompletionId("stream"),
        object: "chat.completion.chunk",
        created: this.created,
        model: this.model,
        choices: [],
        usage: usageToOpenAi(this.watcher.usage),
      });
    }
    return chunks;
  }
}
