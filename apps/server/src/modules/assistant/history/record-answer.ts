import { uuidv7 } from "uuidv7";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { ContentCaller } from "../../content/index.js";
import type { AnswerDraft } from "../answer/answer-question.js";

/** Stores one question and its answer in the caller's history (in the caller's transaction). */
export async function recordAnswer(
  tx: SqlTx,
  caller: ContentCaller,
  draft: AnswerDraft,
  conversationId: string | null,
): Promise<{ id: string; created_at: string }> {
  const id = uuidv7();
  const [row] = await tx.query<{ created_at: Date }>(
    `INSERT INTO assistant_query_history
       (id, tenant_id, space_id, user_id, conversation_id, question, standalone_question, answer, mode,
        grounded, citations, model, usage, total_tokens, cost_usd)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13::jsonb, $14, $15)
     RETURNING created_at`,
    [
      id,
      caller.space.tenantId,
      caller.space.spaceId,
      caller.principal.userId,
      conversationId,
      draft.question,
      draft.standalone_question,
      draft.answer,
      draft.mode,
      draft.grounded,
      JSON.stringify(draft.citations),
      draft.model,
      draft.usage === null ? null : JSON.stringify(draft.usage),
      draft.usage?.total_tokens ?? 0,
      draft.usage?.cost_usd ?? 0,
    ],
  );
  return { id, created_at: (row?.created_at ?? new Date()).toISOString() };
}
