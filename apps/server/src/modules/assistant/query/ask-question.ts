import type { AssistantAnswer } from "@tributary/contracts";
import type { ContentCaller } from "../../content/index.js";
import { type AskInput, type AskOptions, answerQuestion } from "../answer/answer-question.js";
import type { AssistantDeps } from "../deps.js";
import { recordAnswer } from "../history/record-answer.js";

/** `POST /query`: answers one question in the caller's space and stores it in their history. */
export async function askQuestion(
  deps: AssistantDeps,
  caller: ContentCaller,
  input: AskInput,
  options: Omit<AskOptions, "history"> = {},
): Promise<AssistantAnswer> {
  const draft = await answerQuestion(deps, caller, input, options);
  const stored = await deps.sql.withTenant(caller.space.tenantId, (tx) =>
    recordAnswer(tx, caller, draft, null),
  );
  return { id: stored.id, conversation_id: null, message_id: null, ...draft, created_at: stored.created_at };
}
