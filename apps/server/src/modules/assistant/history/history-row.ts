import type {
  AssistantCitation,
  AssistantMode,
  AssistantUsage,
  QueryHistoryEntry,
} from "@tributary/contracts";

/** A row of `assistant_query_history` as queries select it. */
export interface HistoryRow {
  id: string;
  conversation_id: string | null;
  question: string;
  standalone_question: string;
  answer: string;
  mode: AssistantMode;
  grounded: boolean;
  citations: AssistantCitation[];
  model: string | null;
  usage: AssistantUsage | null;
  created_at: Date;
}

export const historyColumns =
  "id, conversation_id, question, standalone_question, answer, mode, grounded, citations, model, usage, created_at";

export function toHistoryEntry(row: HistoryRow): QueryHistoryEntry {
  return { ...row, created_at: row.created_at.toISOString() };
}
