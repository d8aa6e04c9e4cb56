import { assistantAnswerSchema } from "@tributary/contracts";
import { z } from "zod";

/**
 * What the eval needs from POST /api/v1/query, parsed leniently: the assistant's contract may
 * add fields or leave optional ones out, and the eval should measure rather than reject.
 */
export interface AssistantReply {
  readonly answer: string | null;
  /** `generative`, `extractive` or `not_found` from /query; null when only /search answered. */
  readonly mode: string | null;
  readonly grounded: boolean | null;
  readonly citations: readonly ReplyCitation[];
  /** Retrieved passages, best first. */
  readonly passages: readonly ReplyPassage[];
  readonly tookMs: number | null;
  readonly model: string | null;
  readonly warnings: readonly string[];
  /** Why the body does not match the contract's AssistantAnswer schema; null when it does. */
  readonly contractIssue: string | null;
}

export interface ReplyCitation {
  readonly chunkId: string;
  readonly documentId: string | null;
  readonly documentName: string | null;
  readonly quote: string;
}

export interface ReplyPassage {
  readonly chunkId: string;
  readonly documentId: string | null;
  readonly documentName: string | null;
  readonly score: number | null;
  /** The passage text when the reply carries it (the eval prefers the chunk from the chunks API). */
  readonly content: string | null;
  /** Whether the assistant let the passage count as evidence; null when the reply does not say. */
  readonly evidence: boolean | null;
}

const optionalString = z.string().nullish();
const optionalNumber = z.number().nullish();

const citationSchema = z.looseObject({
  chunk_id: z.string(),
  document_id: optionalString,
  document_name: optionalString,
  quote: z.string().nullish(),
});

const passageSchema = z.looseObject({
  chunk_id: z.string(),
  document_id: optionalString,
  document_name: optionalString,
  score: optionalNumber,
  content: optionalString,
  rank: optionalNumber,
  evidence: z.boolean().nullish(),
});

const queryReplySchema = z.looseObject({
  answer: z.string().nullish(),
  mode: z.string().nullish(),
  model: optionalString,
  warnings: z.array(z.string()).nullish(),
  grounded: z.boolean().nullish(),
  citations: z.array(citationSchema).nullish(),
  retrieval: z
    .looseObject({
      took_ms: optionalNumber,
      passages: z.array(passageSchema).nullish(),
      results: z.array(passageSchema).nullish(),
    })
    .nullish(),
  router_metadata: z.looseObject({ model: optionalString, selected_model: optionalString }).nullish(),
});

const searchReplySchema = z.looseObject({
  results: z.array(passageSchema),
  took_ms: optionalNumber,
});

type ParsedPassage = z.infer<typeof passageSchema>;

function toPassages(passages: readonly ParsedPassage[]): ReplyPassage[] {
  const ranked = passages.every((passage) => typeof passage.rank === "number")
    ? [...passages].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    : passages;
  return ranked.map((passage) => ({
    chunkId: passage.chunk_id,
    documentId: passage.document_id ?? null,
    documentName: passage.document_name ?? null,
    score: passage.score ?? null,
    content: passage.content ?? null,
    evidence: passage.evidence ?? null,
  }));
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");
}

/**
 * Parses a /query reply body: checked against the contract (AssistantAnswer), then read leniently
 * so that a mismatch is reported rather than fatal. Throws when even the lenient reading fails.
 */
export function parseQueryReply(body: unknown): AssistantReply {
  const contract = assistantAnswerSchema.safeParse(body);
  const reply = queryReplySchema.parse(body);
  const retrieval = reply.retrieval;
  return {
    answer: reply.answer ?? null,
    mode: reply.mode ?? null,
    grounded: reply.grounded ?? null,
    citations: (reply.citations ?? []).map((citation) => ({
      chunkId: citation.chunk_id,
      documentId: citation.document_id ?? null,
      documentName: citation.document_name ?? null,
      quote: citation.quote ?? "",
    })),
    passages: toPassages(retrieval?.passages ?? retrieval?.results ?? []),
    tookMs: retrieval?.took_ms ?? null,
    model: reply.model ?? reply.router_metadata?.model ?? reply.router_metadata?.selected_model ?? null,
    warnings: reply.warnings ?? [],
    contractIssue: contract.success ? null : describeIssues(contract.error),
  };
}

/** Parses a /search reply body into the same shape, with no answer and no citations. */
export function parseSearchReply(body: unknown): AssistantReply {
  const reply = searchReplySchema.parse(body);
  return {
    answer: null,
    mode: null,
    grounded: null,
    citations: [],
    passages: toPassages(reply.results),
    tookMs: reply.took_ms ?? null,
    model: null,
    warnings: [],
    contractIssue: null,
  };
}
