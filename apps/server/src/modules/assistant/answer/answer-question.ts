import type { AssistantAnswer } from "@tributary/contracts";
import { type ContentCaller, requireContentAccess } from "../../content/index.js";
import { parseModelAnswer } from "../citations/parse-model-answer.js";
import { verifyCitations } from "../citations/verify-citations.js";
import type { AssistantDeps } from "../deps.js";
import { notFoundAnswer } from "../prompt/answer-instructions.js";
import { buildAnswerPrompt } from "../prompt/build-answer-prompt.js";
import { describePassages, type Evidence, retrieveEvidence } from "../retrieve/retrieve-evidence.js";
import { type PastQuestion, rewriteFollowUp } from "../rewrite/rewrite-follow-up.js";
import { extractAnswer } from "./extract-answer.js";
import { generateAnswer } from "./generate-answer.js";
import { UsageTally } from "./usage-tally.js";

export interface AskInput {
  readonly question: string;
  readonly notebook_ids?: readonly string[] | undefined;
  readonly document_ids?: readonly string[] | undefined;
  readonly top_k: number;
  readonly search_mode: "hybrid" | "vector" | "text";
  readonly model?: string | undefined;
  readonly min_score?: number | undefined;
}

export interface AskOptions {
  /** Earlier exchanges of the conversation, oldest first. */
  readonly history?: readonly PastQuestion[];
  /** Streamed answers: each newly visible piece of a model's answer. */
  readonly onDelta?: ((delta: string) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly requestId?: string | undefined;
}

/** An answer before it is stored (no ids yet). */
export type AnswerDraft = Omit<AssistantAnswer, "id" | "conversation_id" | "message_id" | "created_at">;

/** Context windows are assumed to be this large when the gateway does not know the model's. */
const defaultLimits = { contextWindow: 8192, maxOutputTokens: 4096 };

/**
 * The query flow: rewrite a follow-up into a standalone query, search the caller's space, keep
 * the passages that are evidence, then answer: "not found" without calling any model when none
 * is; the best passages quoted when no model is configured; otherwise the model's answer through
 * the gateway, with only the citations whose quotes verify.
 */
export async function answerQuestion(
  deps: AssistantDeps,
  caller: ContentCaller,
  input: AskInput,
  options: AskOptions = {},
): Promise<AnswerDraft> {
  requireContentAccess(caller, "read");
  const history = options.history ?? [];
  const tally = new UsageTally();
  const useModel = deps.chat.hasChatModels();
  const warnings: string[] = [];
  if (!useModel && input.model) {
    warnings.push(`No model provider is configured, so the model ${input.model} was not used`);
  }
  const standalone = await rewriteFollowUp(
    deps.chat,
    caller,
    { ...input, history, useModel, signal: options.signal, requestId: options.requestId },
    tally,
  );
  const evidence = await retrieveEvidence(
    deps.searchSpace,
    caller,
    { ...input, query: standalone },
    deps.evidence,
  );
  const base = { question: input.question, standalone_question: standalone };
  const notFound = (used: ReadonlySet<number>, extra: Partial<AnswerDraft> = {}): AnswerDraft => ({
    ...base,
    answer: notFoundAnswer,
    mode: "not_found",
    grounded: true,
    citations: [],
    warnings,
    retrieval: retrievalOf(evidence, used),
    model: null,
    usage: tally.summary(),
    router_metadata: null,
    ...extra,
  });
  if (evidence.passages.length === 0) return notFound(new Set());

  if (!useModel) {
    const extract = extractAnswer(standalone, evidence.passages, input.question);
    if (!extract) return notFound(new Set());
    return {
      ...base,
      answer: extract.answer,
      mode: "extractive",
      grounded: extract.grounded,
      citations: extract.citations,
      warnings: [...warnings, ...extract.warnings],
      retrieval: retrievalOf(evidence, extract.used),
      model: null,
      usage: tally.summary(),
      router_metadata: null,
    };
  }

  const prompt = buildAnswerPrompt({
    question: input.question,
    standaloneQuestion: standalone,
    passages: evidence.passages,
    history: history.map((turn) => ({ question: turn.question, answer: turn.answer })),
    limits: deps.chat.chatModelInfo(input.model) ?? defaultLimits,
  });
  const generation = await generateAnswer(
    deps.chat,
    caller,
    {
      messages: prompt.messages,
      maxTokens: prompt.maxTokens,
      model: input.model,
      onDelta: options.onDelta,
      signal: options.signal,
      requestId: options.requestId,
    },
    tally,
  );
  const parsed = parseModelAnswer(generation.text);
  const generated = { model: generation.model, router_metadata: generation.routerMetadata };
  if (parsed.notFound) return notFound(prompt.included, generated);
  if (parsed.body.length === 0) {
    return notFound(prompt.included, { ...generated, warnings: [...warnings, "The model gave no answer"] });
  }
  const verified = verifyCitations(
    parsed,
    evidence.passages.filter((passage) => prompt.included.has(passage.index)),
  );
  return {
    ...base,
    answer: verified.answer,
    mode: "generative",
    grounded: verified.grounded,
    citations: verified.citations,
    warnings: [...warnings, ...verified.warnings],
    retrieval: retrievalOf(evidence, prompt.included),
    ...generated,
    usage: tally.summary(),
  };
}

function retrievalOf(evidence: Evidence, used: ReadonlySet<number>): AnswerDraft["retrieval"] {
  return {
    query: evidence.query,
    search_mode: evidence.searchMode,
    took_ms: evidence.tookMs,
    passages: describePassages(evidence, used),
  };
}
