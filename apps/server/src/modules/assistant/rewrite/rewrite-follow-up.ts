import type { ContentCaller } from "../../content/index.js";
import { asPlatformError } from "../answer/gateway-errors.js";
import type { UsageTally } from "../answer/usage-tally.js";
import type { AssistantChat } from "../deps.js";
import { rewriteInstructions } from "../prompt/answer-instructions.js";
import { keyTermsOf, keyWordsOf, stemOf } from "../text/key-terms.js";

/** An earlier exchange as the rewrite sees it: what was asked, searched and answered. */
export interface PastQuestion {
  readonly question: string;
  readonly standaloneQuestion: string;
  readonly answer: string;
}

/** Turns the rewrite shows the model, and how much of each answer. */
const turnsShown = 3;
const answerCharsShown = 600;
const maxRewriteChars = 1000;

/**
 * The follow-up as a standalone search query. With a model: asked through the gateway (the
 * caller's budget and policies apply). Without: `rewriteDeterministically`. A first question is
 * its own standalone form.
 */
export async function rewriteFollowUp(
  chat: AssistantChat,
  caller: ContentCaller,
  input: {
    readonly question: string;
    readonly history: readonly PastQuestion[];
    readonly useModel: boolean;
    readonly model?: string | undefined;
    readonly signal?: AbortSignal | undefined;
    readonly requestId?: string | undefined;
  },
  tally: UsageTally,
): Promise<string> {
  if (input.history.length === 0) return input.question;
  if (!input.useModel) return rewriteDeterministically(input.question, input.history);
  const transcript = input.history
    .slice(-turnsShown)
    .map(
      (turn) =>
        `User: ${turn.question}\nAssistant: ${turn.answer.replace(/\s*\[\d+\]/g, "").slice(0, answerCharsShown)}`,
    )
    .join("\n");
  try {
    const completion = await chat.complete({
      caller,
      body: {
        model: input.model ?? "auto",
        messages: [
          { role: "system", content: rewriteInstructions },
          {
            role: "user",
            content: `Conversation:\n${transcript}\n\nFollow-up question: ${input.question}\n\nStandalone question:`,
          },
        ],
        max_tokens: 120,
        temperature: 0,
      },
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
    tally.add(completion.usage, completion.router_metadata);
    const rewritten = cleanRewrite(completion.choices[0]?.message.content ?? "");
    return rewritten.length > 0 && rewritten.length <= maxRewriteChars
      ? rewritten
      : rewriteDeterministically(input.question, input.history);
  } catch (error) {
    throw asPlatformError(error);
  }
}

const referringWords =
  /\b(?:it|its|it's|they|them|their|theirs|this|that|these|those|he|him|his|she|her|hers|there|then|former|latter|same|such|one|ones)\b/i;
const continuation = /^\s*(?:and|but|also|so|then|what about|how about|and what|why|how come)\b/i;

/** Whether a question leans on the conversation: it refers back, or says too little on its own. */
export function needsContext(question: string): boolean {
  return referringWords.test(question) || continuation.test(question) || keyTermsOf(question).length <= 2;
}

/**
 * Without a model: a follow-up that leans on the conversation gets the key words of the
 * previous standalone question that it does not already have ("When did it close?" after
 * "When was the Acme mill founded?" → "When did it close? acme mill founded").
 */
export function rewriteDeterministically(question: string, history: readonly PastQuestion[]): string {
  const previous = history.at(-1);
  if (!previous || !needsContext(question)) return question;
  const own = new Set(keyTermsOf(question));
  const added = keyWordsOf(previous.standaloneQuestion)
    .filter((word) => !own.has(stemOf(word)))
    .slice(0, 12);
  return added.length === 0 ? question : `${question} ${added.join(" ")}`;
}

function cleanRewrite(text: string): string {
  const line = text
    .trim()
    .split("\n")[0]
    ?.replace(/^(?:standalone question|question|rewritten question)\s*:\s*/i, "")
    .trim();
  return (line ?? "").replace(/^["\u201C']+|["\u201D']+$/g, "").trim();
}
