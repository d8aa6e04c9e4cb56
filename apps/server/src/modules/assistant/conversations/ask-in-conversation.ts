import type { AssistantAnswer } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import type { SqlTx } from "../../../platform/sql/index.js";
import { type ContentCaller, requireContentAccess } from "../../content/index.js";
import {
  type AnswerDraft,
  type AskInput,
  type AskOptions,
  answerQuestion,
} from "../answer/answer-question.js";
import type { AssistantDeps } from "../deps.js";
import { recordAnswer } from "../history/record-answer.js";
import type { PastQuestion } from "../rewrite/rewrite-follow-up.js";
import { loadOwnConversation, untitled } from "./conversation-rows.js";

/** Earlier exchanges the rewrite and the prompt may use (the prompt trims them to its budget). */
const turnsRemembered = 20;
const titleChars = 80;

/**
 * `POST /conversations/{id}/messages`: answers a follow-up with the conversation's history
 * (rewritten into a standalone query before retrieval), then stores the question, the answer
 * with its citations and usage, and the history entry, in one transaction.
 */
export async function askInConversation(
  deps: AssistantDeps,
  caller: ContentCaller,
  conversationId: string,
  input: AskInput,
  options: Omit<AskOptions, "history"> = {},
): Promise<AssistantAnswer> {
  requireContentAccess(caller, "read");
  const history = await deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    await loadOwnConversation(tx, caller, conversationId);
    return pastQuestions(tx, conversationId);
  });
  const draft = await answerQuestion(deps, caller, input, { ...options, history });
  return deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    const conversation = await loadOwnConversation(tx, caller, conversationId, true);
    const messageId = await storeMessages(tx, caller, conversationId, draft);
    const stored = await recordAnswer(tx, caller, draft, conversationId);
    const title =
      conversation.title === untitled && conversation.message_count === 0
        ? draft.question.slice(0, titleChars)
        : conversation.title;
    await tx.query(
      `UPDATE assistant_conversations SET message_count = message_count + 2, updated_at = now(), title = $2
       WHERE id = $1::uuid`,
      [conversationId, title],
    );
    return {
      id: stored.id,
      conversation_id: conversationId,
      message_id: messageId,
      ...draft,
      created_at: stored.created_at,
    };
  });
}

/** The question and the answer as two messages; returns the answer's id. */
async function storeMessages(
  tx: SqlTx,
  caller: ContentCaller,
  conversationId: string,
  draft: AnswerDraft,
): Promise<string> {
  const questionId = uuidv7();
  const answerId = uuidv7();
  await tx.query(
    `INSERT INTO assistant_messages
       (id, tenant_id, conversation_id, role, content, standalone_question, mode, grounded, citations,
        warnings, model, usage, router_metadata, retrieval)
     VALUES ($1, $2, $3, 'user', $4, $5, NULL, NULL, '[]'::jsonb, '[]'::jsonb, NULL, NULL, NULL, NULL),
            ($6, $2, $3, 'assistant', $7, NULL, $8, $9, $10::jsonb, $11::jsonb, $12, $13::jsonb, $14::jsonb,
             $15::jsonb)`,
    [
      questionId,
      caller.space.tenantId,
      conversationId,
      draft.question,
      draft.standalone_question,
      answerId,
      draft.answer,
      draft.mode,
      draft.grounded,
      JSON.stringify(draft.citations),
      JSON.stringify(draft.warnings),
      draft.model,
      draft.usage === null ? null : JSON.stringify(draft.usage),
      draft.router_metadata === null ? null : JSON.stringify(draft.router_metadata),
      JSON.stringify(draft.retrieval),
    ],
  );
  return answerId;
}

/** The conversation's latest exchanges, oldest first: each question with the answer that followed. */
async function pastQuestions(tx: SqlTx, conversationId: string): Promise<PastQuestion[]> {
  const rows = await tx.query<{
    role: "user" | "assistant";
    content: string;
    standalone_question: string | null;
  }>(
    `SELECT role, content, standalone_question FROM assistant_messages
     WHERE conversation_id = $1::uuid ORDER BY id DESC LIMIT $2`,
    [conversationId, turnsRemembered * 2],
  );
  const turns: PastQuestion[] = [];
  let answer: string | null = null;
  for (const row of rows) {
    if (row.role === "assistant") {
      answer = row.content;
      continue;
    }
    turns.unshift({
      question: row.content,
      standaloneQuestion: row.standalone_question ?? row.content,
      answer: answer ?? "",
    });
    answer = null;
  }
  return turns;
}
