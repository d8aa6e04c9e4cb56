import { randomUUID } from "node:crypto";
import type {
  OpenAiChatCompletion,
  OpenAiChatCompletionChunk,
  OpenAiChunkChoice,
  OpenAiUsage,
} from "../../protocols/index.js";
import type { LocalGeneration } from "./generate-local-chat.js";

/** Builds the OpenAI wire shapes of one local answer, so the gateway reads it like any upstream's. */
export class OpenAiAnswer {
  private readonly id = `chatcmpl-local-${randomUUID()}`;
  private readonly created = Math.floor(Date.now() / 1000);

  constructor(private readonly model: string) {}

  completion(generation: LocalGeneration): OpenAiChatCompletion {
    return {
      id: this.id,
      object: "chat.completion",
      created: this.created,
      model: this.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: generation.text, refusal: null },
          logprobs: null,
          finish_reason: finishReasonOf(generation),
        },
      ],
      usage: usageOf(generation),
      system_fingerprint: null,
    };
  }

  /** The first chunk: the role, no output yet (so the gateway may still fall back). */
  roleChunk(): OpenAiChatCompletionChunk {
    return this.chunk([
      { index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null },
    ]);
  }

  textChunk(text: string): OpenAiChatCompletionChunk {
    return this.chunk([{ index: 0, delta: { content: text }, logprobs: null, finish_reason: null }]);
  }

  finishChunk(generation: LocalGeneration): OpenAiChatCompletionChunk {
    return this.chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: finishReasonOf(generation) }]);
  }

  /** `stream_options.include_usage`: a last chunk with no choices and the usage. */
  usageChunk(generation: LocalGeneration): OpenAiChatCompletionChunk {
    return { ...this.chunk([]), usage: usageOf(generation) };
  }

  private chunk(choices: OpenAiChunkChoice[]): OpenAiChatCompletionChunk {
    return {
      id: this.id,
      object: "chat.completion.chunk",
      created: this.created,
      model: this.model,
      choices,
      system_fingerprint: null,
    };
  }
}

function finishReasonOf(generation: LocalGeneration): "stop" | "length" {
  // A cancelled generation has no client left to read a reason; `stop` keeps the shape valid.
  return generation.finishReason === "length" ? "length" : "stop";
}

function usageOf(generation: LocalGeneration): OpenAiUsage {
  return {
    prompt_tokens: generation.promptTokens,
    completion_tokens: generation.completionTokens,
    total_tokens: generation.promptTokens + generation.completionTokens,
  };
}
