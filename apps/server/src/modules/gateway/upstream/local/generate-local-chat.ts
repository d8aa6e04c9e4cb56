import type { ChatHistoryItem, Llama, LlamaChat, LlamaGrammar } from "node-llama-cpp";
import { UpstreamFailure } from "../upstream-failure.js";
import { invalidRequest, type LocalChatRequest } from "./local-chat-request.js";
import type { LoadedModel, ModelLease } from "./local-model-pool.js";

/** What one generation produced, counted by the model's own tokenizer. */
export interface LocalGeneration {
  readonly promptTokens: number;
  /** Every token the model sampled, those of a matched stop sequence included. */
  readonly completionTokens: number;
  readonly text: string;
  /** `cancelled`: the caller went away; what was generated so far is still counted. */
  readonly finishReason: "stop" | "length" | "cancelled";
}

/** Tokens of the prompt as the model sees it: the chat template applied, special tokens included. */
export function countPromptTokens(loaded: LoadedModel, history: ChatHistoryItem[]): number {
  const { contextText } = loaded.chatWrapper.generateContextState({ chatHistory: history });
  return contextText.tokenize(loaded.model.tokenizer).length;
}

/**
 * How many tokens the completion may take: what was asked, capped by the room the context has
 * left, so generation ends with `length` rather than shifting the prompt out of the context.
 */
export function completionBudget(
  loaded: LoadedModel,
  promptTokens: number,
  requested: number | null,
): number {
  const room = loaded.contextSize - promptTokens;
  if (room <= 0) {
    throw invalidRequest(
      `The prompt is ${promptTokens} tokens; this model's context holds ${loaded.contextSize}`,
      "messages",
      "context_length_exceeded",
    );
  }
  return Math.min(requested ?? room, room);
}

export interface GenerateLocalChatOptions {
  readonly loaded: LoadedModel;
  readonly lease: ModelLease;
  readonly request: LocalChatRequest;
  readonly promptTokens: number;
  readonly maxTokens: number;
  readonly signal: AbortSignal;
  /** Each piece of text as it is generated (stop sequences already held back). */
  readonly onText?: (text: string) => void;
}

/** Runs one chat completion on the leased sequence; native code does the work off the event loop. */
export async function generateLocalChat(options: GenerateLocalChatOptions): Promise<LocalGeneration> {
  const { loaded, lease, request, signal } = options;
  const meter = lease.sequence.tokenMeter;
  const before = meter.getState();
  const chat: LlamaChat = new loaded.binding.LlamaChat({
    contextSequence: lease.sequence,
    chatWrapper: loaded.chatWrapper,
  });
  let text = "";
  const result = (finishReason: LocalGeneration["finishReason"]): LocalGeneration => ({
    promptTokens: options.promptTokens,
    completionTokens: meter.diff(before).usedOutputTokens,
    text,
    finishReason,
  });
  try {
    const grammar = request.json ? await jsonGrammar(loaded.model.llama) : undefined;
    const response = await chat.generateResponse(request.history, {
      maxTokens: options.maxTokens,
      temperature: request.temperature,
      ...(request.topP !== null ? { topP: request.topP } : {}),
      ...(request.seed !== null ? { seed: unsigned32(request.seed) } : {}),
      ...(request.stop.length > 0 ? { customStopTriggers: request.stop } : {}),
      ...(request.frequencyPenalty !== null || request.presencePenalty !== null
        ? {
            repeatPenalty: {
              penalty: 1,
              frequencyPenalty: request.frequencyPenalty ?? 0,
              presencePenalty: request.presencePenalty ?? 0,
            },
          }
        : {}),
      ...(grammar ? { grammar } : {}),
      signal,
      stopOnAbortSignal: true,
      onTextChunk: (chunk) => {
        if (!chunk) return;
        text += chunk;
        options.onText?.(chunk);
      },
    });
    const reason = response.metadata.stopReason;
    switch (reason) {
      case "maxTokens":
        return result("length");
      case "abort":
        return result("cancelled");
      case "eogToken":
      case "stopGenerationTrigger":
      case "customStopTrigger":
      case "functionCalls":
        return result("stop");
    }
  } catch (error) {
    // Aborted before the first token: node-llama-cpp throws the signal's reason.
    if (signal.aborted) return result("cancelled");
    throw new UpstreamFailure("server_error", `Local generation failed: ${(error as Error)?.message}`);
  } finally {
    chat.dispose();
  }
}

const grammars = new WeakMap<Llama, Promise<LlamaGrammar>>();

/** llama.cpp's JSON grammar, built once per runtime. */
function jsonGrammar(llama: Llama): Promise<LlamaGrammar> {
  let grammar = grammars.get(llama);
  if (!grammar) {
    grammar = llama.getGrammarFor("json");
    grammars.set(llama, grammar);
  }
  return grammar;
}

/** OpenAI seeds are any integer; llama.cpp's sampler takes an unsigned 32-bit one. */
function unsigned32(seed: number): number {
  const modulus = 2 ** 32;
  return ((seed % modulus) + modulus) % modulus;
}
