import { z } from "zod";
import { pageQuerySchema } from "./pagination.js";

/**
 * How an answer was made: `generative` (a model wrote it from the passages), `extractive` (no
 * model is configured: the best passages, quoted) or `not_found` (no evidence; no model called).
 */
export const assistantModes = ["generative", "extractive", "not_found"] as const;
export const assistantModeSchema = z.enum(assistantModes);

export const assistantSearchModes = ["hybrid", "vector", "text"] as const;
export const assistantSearchModeSchema = z.enum(assistantSearchModes);

/** What `POST /query` and `POST /conversations/{id}/messages` accept. */
const askShape = {
  question: z.string().trim().min(1).max(4000),
  notebook_ids: z.array(z.uuid()).max(100).optional().describe("Search only these notebooks"),
  document_ids: z.array(z.uuid()).max(1000).optional().describe("Search only these documents"),
  top_k: z.number().int().min(1).max(50).default(8).describe("Passages retrieved"),
  search_mode: assistantSearchModeSchema.default("hybrid"),
  model: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("A gateway model name or alias; the router chooses (`auto`) when absent"),
  min_score: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe("Minimum retrieval score of a passage; the space default when absent"),
  stream: z
    .boolean()
    .default(false)
    .describe("Answer as server-sent events: `answer.delta`…, `citations`, then `done` (or `error`)"),
};

export const assistantQueryRequestSchema = z.object(askShape).strict().meta({ id: "AssistantQueryRequest" });
export const assistantMessageRequestSchema = z
  .object(askShape)
  .strict()
  .meta({ id: "AssistantMessageRequest" });

export const assistantCitationSchema = z
  .object({
    index: z.number().int().describe("The `[n]` marker in the answer; also the passage's number"),
    document_id: z.string(),
    document_name: z.string(),
    chunk_id: z.string(),
    page: z.number().int().nullable(),
    start_offset: z
      .number()
      .int()
      .nullable()
      .describe(
        "Where the quote starts in the document's extracted text (null when the chunk has no offsets)",
      ),
    end_offset: z.number().int().nullable().describe("Where the quote ends (exclusive)"),
    quote: z.string().describe("Verbatim text of the chunk that supports the claim"),
    score: z.number().describe("The passage's retrieval score"),
  })
  .meta({ id: "AssistantCitation" });

export const assistantPassageSchema = z
  .object({
    index: z
      .number()
      .int()
      .nullable()
      .describe("The passage's number in the prompt (`[n]`); null when it did not count as evidence"),
    rank: z.number().int(),
    chunk_id: z.string(),
    document_id: z.string(),
    document_name: z.string(),
    page: z.number().int().nullable(),
    score: z.number(),
    scores: z.object({
      vector: z.number().nullable(),
      text: z.number().nullable(),
      sentence: z
        .number()
        .nullable()
        .describe("The best sentence's similarity to the question when re-ranked"),
    }),
    evidence: z.boolean().describe("Whether it passed the evidence gate (shares the question's key terms)"),
    in_prompt: z
      .boolean()
      .describe("Whether it fitted in the model's prompt (or the extractive answer's pool)"),
  })
  .meta({ id: "AssistantPassage" });

export const assistantRetrievalSchema = z
  .object({
    query: z.string().describe("The standalone query that was searched"),
    search_mode: assistantSearchModeSchema,
    took_ms: z.number(),
    passages: z.array(assistantPassageSchema),
  })
  .meta({ id: "AssistantRetrieval" });

export const assistantUsageSchema = z
  .object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
    cost_usd: z.number(),
    model_calls: z.number().int().describe("Gateway calls made for this answer (a follow-up rewrite is one)"),
  })
  .meta({ id: "AssistantUsage" });

export const assistantAnswerSchema = z
  .object({
    id: z.uuid().describe("The query history entry"),
    conversation_id: z.uuid().nullable(),
    message_id: z.uuid().nullable().describe("The assistant message, in a conversation"),
    question: z.string(),
    standalone_question: z.string().describe("The question rewritten without the conversation's context"),
    answer: z.string().describe("With `[n]` markers; only verified citations keep theirs"),
    mode: assistantModeSchema,
    grounded: z
      .boolean()
      .describe("Every claim sentence carries a verified citation and no citation was dropped"),
    citations: z.array(assistantCitationSchema),
    warnings: z.array(z.string()).describe("Why the answer is not grounded, or what was ignored"),
    retrieval: assistantRetrievalSchema,
    model: z.string().nullable(),
    usage: assistantUsageSchema.nullable().describe("Null when no model was called"),
    router_metadata: z.record(z.string(), z.unknown()).nullable(),
    created_at: z.string(),
  })
  .meta({ id: "AssistantAnswer" });

/** Server-sent event names of a streamed answer, in the order they come. */
export const assistantStreamEvents = ["answer.delta", "citations", "done", "error"] as const;
export const assistantDeltaEventSchema = z.object({ delta: z.string() });
export const assistantCitationsEventSchema = z.object({
  citations: z.array(assistantCitationSchema),
  warnings: z.array(z.string()),
});

export const assistantConversationSchema = z
  .object({
    id: z.uuid(),
    space_id: z.string(),
    title: z.string(),
    message_count: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "AssistantConversation" });

export const createAssistantConversationRequestSchema = z
  .object({ title: z.string().trim().min(1).max(200).optional() })
  .strict()
  .meta({ id: "CreateAssistantConversationRequest" });

export const assistantMessageSchema = z
  .object({
    id: z.uuid(),
    role: z.enum(["user", "assistant"]),
    content: z.string(),
    standalone_question: z.string().nullable(),
    mode: assistantModeSchema.nullable(),
    grounded: z.boolean().nullable(),
    citations: z.array(assistantCitationSchema),
    warnings: z.array(z.string()),
    model: z.string().nullable(),
    usage: assistantUsageSchema.nullable(),
    retrieval: assistantRetrievalSchema
      .nullable()
      .describe(
        "The passages an answer considered; null for questions and answers stored before it was kept",
      ),
    created_at: z.string(),
  })
  .meta({ id: "AssistantMessage" });

export const assistantConversationDetailSchema = assistantConversationSchema
  .extend({ messages: z.array(assistantMessageSchema) })
  .meta({ id: "AssistantConversationDetail" });

export const assistantListQuerySchema = pageQuerySchema.strict();
export const assistantIdParamsSchema = z.object({ id: z.uuid() }).strict();

export const queryHistoryEntrySchema = z
  .object({
    id: z.uuid(),
    conversation_id: z.uuid().nullable(),
    question: z.string(),
    standalone_question: z.string(),
    answer: z.string(),
    mode: assistantModeSchema,
    grounded: z.boolean(),
    citations: z.array(assistantCitationSchema),
    model: z.string().nullable(),
    usage: assistantUsageSchema.nullable(),
    created_at: z.string(),
  })
  .meta({ id: "QueryHistoryEntry" });

export const queryHistoryStatsQuerySchema = z
  .object({ days: z.coerce.number().int().min(1).max(366).default(30) })
  .strict();

export const queryHistoryStatsSchema = z
  .object({
    space_id: z.string(),
    since: z.string(),
    queries: z.number().int(),
    users: z.number().int().describe("Distinct users who asked"),
    by_mode: z.object({
      generative: z.number().int(),
      extractive: z.number().int(),
      not_found: z.number().int(),
    }),
    grounded: z.number().int().describe("Answers whose every claim carries a verified citation"),
    tokens: z.number().int(),
    cost_usd: z.number(),
  })
  .meta({ id: "QueryHistoryStats" });

export type AssistantMode = z.infer<typeof assistantModeSchema>;
export type AssistantQueryRequest = z.infer<typeof assistantQueryRequestSchema>;
export type AssistantCitation = z.infer<typeof assistantCitationSchema>;
export type AssistantPassage = z.infer<typeof assistantPassageSchema>;
export type AssistantRetrieval = z.infer<typeof assistantRetrievalSchema>;
export type AssistantUsage = z.infer<typeof assistantUsageSchema>;
export type AssistantAnswer = z.infer<typeof assistantAnswerSchema>;
export type AssistantConversation = z.infer<typeof assistantConversationSchema>;
export type AssistantMessage = z.infer<typeof assistantMessageSchema>;
export type AssistantConversationDetail = z.infer<typeof assistantConversationDetailSchema>;
export type QueryHistoryEntry = z.infer<typeof queryHistoryEntrySchema>;
export type QueryHistoryStats = z.infer<typeof queryHistoryStatsSchema>;
