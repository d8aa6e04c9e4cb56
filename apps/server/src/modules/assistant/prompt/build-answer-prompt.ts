import { countTokens } from "gpt-tokenizer";
import { AppError } from "../../../platform/errors/index.js";
import type { OpenAiMessage } from "../../gateway/index.js";
import type { NumberedPassage } from "../search-port.js";
import { answerInstructions } from "./answer-instructions.js";

/** One earlier exchange of a conversation, oldest first in lists. */
export interface ConversationTurn {
  readonly question: string;
  readonly answer: string;
}

export interface PromptLimits {
  readonly contextWindow: number;
  readonly maxOutputTokens: number;
}

export interface AnswerPrompt {
  readonly messages: OpenAiMessage[];
  readonly maxTokens: number;
  /** Numbers of the passages that fitted. */
  readonly included: ReadonlySet<number>;
  readonly promptTokens: number;
}

/** The answer's output budget: enough for a cited paragraph and its quotes. */
const answerTokens = 1024;
/** Per-message framing and a margin for the gateway's and the provider's own counting. */
const messageOverhead = 4;
const safetyMargin = 64;
/** History gets at most this share of the input budget; passages get the rest. */
const historyShare = 0.25;
/** A past answer is cut to this many tokens in the prompt. */
const pastAnswerTokens = 200;

/**
 * The answer prompt, fitted to the model's context window: instructions and question first, then
 * the most recent conversation turns within a quarter of the budget (older ones reduced to their
 * questions), then passages in rank order while they fit (the first one cut to fit if need be).
 */
export function buildAnswerPrompt(input: {
  readonly question: string;
  readonly standaloneQuestion: string;
  readonly passages: readonly NumberedPassage[];
  readonly history: readonly ConversationTurn[];
  readonly limits: PromptLimits;
}): AnswerPrompt {
  const { limits } = input;
  const maxTokens = Math.max(
    64,
    Math.min(limits.maxOutputTokens, answerTokens, Math.floor(limits.contextWindow / 4)),
  );
  const budget = limits.contextWindow - maxTokens - safetyMargin;
  const questionText =
    input.standaloneQuestion === input.question
      ? `Question: ${input.question}`
      : `Question: ${input.question}\n(As a standalone question: ${input.standaloneQuestion})`;
  const fixed =
    tokens(answerInstructions) + tokens(questionText) + tokens("Passages:\n\n") + 3 * messageOverhead;
  if (fixed > budget) {
    throw new AppError("VALIDATION_ERROR", "The question is too long for the model's context window", {
      details: { field: "question", context_window: limits.contextWindow },
    });
  }
  const history = fitHistory(input.history, Math.floor((budget - fixed) * historyShare));
  let remaining = budget - fixed - history.tokens;
  const included = new Set<number>();
  const blocks: string[] = [];
  for (const passage of input.passages) {
    const header = `[${passage.index}] (${describeSource(passage)})\n`;
    let block = `${header}${passage.content}\n\n`;
    let cost = tokens(block);
    if (cost > remaining && included.size === 0) {
      block = `${header}${cutToTokens(passage.content, remaining - tokens(header) - 4)}\n\n`;
      cost = tokens(block);
    }
    if (cost > remaining || block.length <= header.length + 2) continue;
    blocks.push(block);
    included.add(passage.index);
    remaining -= cost;
  }
  const messages: OpenAiMessage[] = [
    { role: "system", content: answerInstructions },
    ...history.messages,
    { role: "user", content: `Passages:\n\n${blocks.join("")}${questionText}` },
  ];
  return { messages, maxTokens, included, promptTokens: budget - remaining };
}

function describeSource(passage: NumberedPassage): string {
  const parts = [`document: ${passage.document_name}`];
  // The title tells the model what the document is when its file name does not.
  if (passage.document_title !== null) parts.push(`title: ${passage.document_title}`);
  if (passage.page !== null) parts.push(`page ${passage.page}`);
  if (passage.heading_path.length > 0) parts.push(`section: ${passage.heading_path.join(" > ")}`);
  return parts.join(", ");
}

/** The newest turns that fit; the questions of older ones as one line, when that fits too. */
function fitHistory(turns: readonly ConversationTurn[], budget: number) {
  const kept: OpenAiMessage[][] = [];
  let used = 0;
  let index = turns.length - 1;
  for (; index >= 0; index -= 1) {
    const turn = turns[index] as ConversationTurn;
    const answer = cutToTokens(stripCitations(turn.answer), pastAnswerTokens);
    const cost = tokens(turn.question) + tokens(answer) + 2 * messageOverhead;
    if (used + cost > budget) break;
    kept.unshift([
      { role: "user", content: turn.question },
      { role: "assistant", content: answer },
    ]);
    used += cost;
  }
  const messages = kept.flat();
  if (index >= 0) {
    const older = turns
      .slice(0, index + 1)
      .map((turn) => turn.question)
      .join(" | ");
    const summary = `Earlier questions in this conversation: ${older}`;
    const room = budget - used - messageOverhead;
    if (room > 16) {
      const line = cutToTokens(summary, room);
      messages.unshift({ role: "user", content: line }, { role: "assistant", content: "Noted." });
      used += tokens(line) + 2 * messageOverhead + 1;
    }
  }
  return { messages, tokens: used };
}

function stripCitations(answer: string): string {
  return answer.replace(/\s*\[\d+\]/g, "");
}

function tokens(text: string): number {
  return text.length === 0 ? 0 : countTokens(text);
}

/** The longest prefix within `limit` tokens, cut at a word boundary. */
function cutToTokens(text: string, limit: number): string {
  if (limit <= 0) return "";
  if (tokens(text) <= limit) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (tokens(text.slice(0, mid)) <= limit) low = mid;
    else high = mid - 1;
  }
  const cut = text.lastIndexOf(" ", low);
  return text.slice(0, cut > low / 2 ? cut : low);
}
