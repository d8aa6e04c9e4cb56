import type { AssistantReply } from "./assistant-reply.js";
import type { EvalQuestion } from "./corpus-manifest.js";
import { goldCoverage, overlapThreshold, quoteOccursIn } from "./passage-overlap.js";

/** How many retrieved passages recall is measured over. */
export const recallDepth = 5;

/** A chunk the eval knows from GET /documents/{id}/chunks, keyed by chunk id. */
export interface KnownChunk {
  readonly content: string;
  /** The corpus document id (not the platform's UUID). */
  readonly corpusDocument: string;
}

export interface ScoredPassage {
  readonly rank: number;
  readonly chunkId: string;
  readonly document: string | null;
  readonly score: number | null;
  /** Share of the gold passage this chunk holds (answerable questions only). */
  readonly goldCoverage: number | null;
  /** Whether the assistant counted the passage as evidence (null when not said). */
  readonly evidence: boolean | null;
  readonly preview: string;
}

export interface ScoredCitation {
  readonly chunkId: string;
  readonly document: string | null;
  readonly quote: string;
  /** The quote occurs in the cited chunk after whitespace normalisation. */
  readonly verified: boolean;
  /** The cited chunk is of the gold document and overlaps the gold passage. */
  readonly supportsGold: boolean;
  /** Stricter: the quote itself shares a run of ≥ 4 words with the gold passage. */
  readonly quoteOnGold: boolean;
}

export type Failure =
  | "gold_not_chunked"
  | "recall@5"
  | "wrong_citation"
  | "unverified_citation"
  | "no_citation"
  | "false_not_found"
  | "answered_unanswerable"
  | "error";

export interface QuestionOutcome {
  readonly id: string;
  readonly question: string;
  readonly answerable: boolean;
  readonly document: string;
  readonly mode: string | null;
  readonly grounded: boolean | null;
  readonly answer: string | null;
  readonly expected: string | null;
  /** 1-based rank of the first top-5 passage overlapping the gold passage; null when none does. */
  readonly goldRank: number | null;
  readonly goldDocumentInTop5: boolean;
  /** Some chunk of the gold document overlaps the gold passage (it survived extraction and chunking). */
  readonly goldChunked: boolean | null;
  readonly top5: readonly ScoredPassage[];
  readonly citations: readonly ScoredCitation[];
  readonly latencyMs: number;
  readonly model: string | null;
  readonly warnings: readonly string[];
  /** Where the reply departs from the contract's AssistantAnswer schema; null when it conforms. */
  readonly contractIssue: string | null;
  readonly failures: readonly Failure[];
  readonly error: string | null;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

/** Scores one reply against its question; `chunks` resolves chunk ids to their text and document. */
export function scoreQuestion(
  question: EvalQuestion,
  reply: AssistantReply,
  chunks: ReadonlyMap<string, KnownChunk>,
  latencyMs: number,
  goldChunked: boolean | null,
): QuestionOutcome {
  const gold = question.answerable ? question.gold_passage : null;
  const top5 = reply.passages.slice(0, recallDepth).map((passage, index): ScoredPassage => {
    const known = chunks.get(passage.chunkId);
    const content = known?.content ?? passage.content ?? "";
    const sameDocument = known?.corpusDocument === question.document;
    return {
      rank: index + 1,
      chunkId: passage.chunkId,
      document: known?.corpusDocument ?? passage.documentName,
      score: passage.score,
      goldCoverage: gold === null ? null : sameDocument ? goldCoverage(gold, content) : 0,
      evidence: passage.evidence,
      preview: preview(content),
    };
  });
  const goldHit = top5.find((passage) => (passage.goldCoverage ?? 0) >= overlapThreshold);
  const citations = reply.citations.map((citation): ScoredCitation => {
    const known = chunks.get(citation.chunkId);
    const verified = known !== undefined && quoteOccursIn(citation.quote, known.content);
    const supportsGold =
      gold !== null &&
      verified &&
      known.corpusDocument === question.document &&
      goldCoverage(gold, known.content) >= overlapThreshold;
    return {
      chunkId: citation.chunkId,
      document: known?.corpusDocument ?? citation.documentName,
      quote: preview(citation.quote),
      verified,
      supportsGold,
      quoteOnGold: supportsGold && gold !== null && goldCoverage(gold, citation.quote) > 0,
    };
  });

  const failures: Failure[] = [];
  if (question.answerable) {
    if (goldChunked === false) failures.push("gold_not_chunked");
    if (!goldHit) failures.push("recall@5");
    if (reply.mode === "not_found") failures.push("false_not_found");
    else if (reply.mode !== null && citations.length === 0) failures.push("no_citation");
    if (citations.some((citation) => !citation.verified)) failures.push("unverified_citation");
    if (citations.some((citation) => citation.verified && !citation.supportsGold))
      failures.push("wrong_citation");
  } else if (reply.mode !== null && reply.mode !== "not_found") {
    failures.push("answered_unanswerable");
  }

  return {
    id: question.id,
    question: question.question,
    answerable: question.answerable,
    document: question.document,
    mode: reply.mode,
    grounded: reply.grounded,
    answer: reply.answer,
    expected: question.answerable ? question.answer : null,
    goldRank: goldHit?.rank ?? null,
    goldDocumentInTop5: top5.some((passage) => passage.document === question.document),
    goldChunked,
    top5,
    citations,
    latencyMs,
    model: reply.model,
    warnings: reply.warnings,
    contractIssue: reply.contractIssue,
    failures,
    error: null,
  };
}

/** The outcome of a question whose request failed (it counts as a miss on every metric). */
export function failedQuestion(question: EvalQuestion, error: string, latencyMs: number): QuestionOutcome {
  return {
    id: question.id,
    question: question.question,
    answerable: question.answerable,
    document: question.document,
    mode: null,
    grounded: null,
    answer: null,
    expected: question.answerable ? question.answer : null,
    goldRank: null,
    goldDocumentInTop5: false,
    goldChunked: null,
    top5: [],
    citations: [],
    latencyMs,
    model: null,
    warnings: [],
    contractIssue: null,
    failures: ["error"],
    error,
  };
}
