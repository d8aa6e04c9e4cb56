import type { AssistantAnswer } from "@tributary/contracts";
import { citation } from "../../features/citations/citation-fixtures";

/** A stored answer for tests, extractive with one citation unless overridden. */
export function answerOf(overrides: Partial<AssistantAnswer> = {}): AssistantAnswer {
  return {
    id: "0190a000-0000-7000-8000-000000000001",
    conversation_id: "0190a000-0000-7000-8000-000000000002",
    message_id: "0190a000-0000-7000-8000-000000000003",
    question: "Where do rivers end?",
    standalone_question: "Where do rivers end?",
    answer: "“Rivers end in the sea.” [1]",
    mode: "extractive",
    grounded: true,
    citations: [citation(1)],
    warnings: [],
    retrieval: { query: "Where do rivers end?", search_mode: "hybrid", took_ms: 3, passages: [] },
    model: null,
    usage: null,
    router_metadata: null,
    created_at: "2025-05-01T10:00:00.000Z",
    ...overrides,
  };
}
