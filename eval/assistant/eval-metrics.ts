import { overlapThreshold } from "./passage-overlap.js";
import type { QuestionOutcome } from "./score-question.js";

/** A headline metric with its target; `value` is null when this run could not measure it. */
export interface TargetMetric {
  readonly name: string;
  readonly value: number | null;
  readonly target: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly note: string;
}

export interface EvalMetrics {
  readonly targets: readonly TargetMetric[];
  readonly diagnostics: Readonly<Record<string, number | string | null>>;
}

export const targets = { recallAt5: 0.9, citationPrecision: 0.95, notFoundRate: 0.9 } as const;

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

/**
 * The metrics of a run. `assistantAnswered` is false when only /search could be asked, in which
 * case citation precision and the not-found rate are not measured.
 */
export function computeMetrics(
  outcomes: readonly QuestionOutcome[],
  assistantAnswered: boolean,
): EvalMetrics {
  const answerable = outcomes.filter((outcome) => outcome.answerable);
  const unanswerable = outcomes.filter((outcome) => !outcome.answerable);
  const answered = answerable.filter((outcome) => outcome.mode !== null && outcome.mode !== "not_found");
  const recallHits = answerable.filter((outcome) => outcome.goldRank !== null).length;
  const citations = answerable.flatMap((outcome) => outcome.citations);
  const supporting = citations.filter((citation) => citation.supportsGold).length;
  const allCitations = outcomes.flatMap((outcome) => outcome.citations);
  const notFound = unanswerable.filter((outcome) => outcome.mode === "not_found").length;
  const modes = new Map<string, number>();
  for (const outcome of outcomes)
    modes.set(outcome.mode ?? "none", (modes.get(outcome.mode ?? "none") ?? 0) + 1);

  const recall: TargetMetric = {
    name: "retrieval recall@5",
    value: ratio(recallHits, answerable.length),
    target: targets.recallAt5,
    numerator: recallHits,
    denominator: answerable.length,
    note: "answerable questions whose gold passage overlaps a top-5 passage",
  };
  const precision: TargetMetric = {
    name: "citation precision",
    value: assistantAnswered ? ratio(supporting, citations.length) : null,
    target: targets.citationPrecision,
    numerator: supporting,
    denominator: citations.length,
    note: "verified citations whose chunk overlaps the gold passage ÷ citations on answerable questions",
  };
  const notFoundRate: TargetMetric = {
    name: "correct not-found",
    value: assistantAnswered ? ratio(notFound, unanswerable.length) : null,
    target: targets.notFoundRate,
    numerator: notFound,
    denominator: unanswerable.length,
    note: "unanswerable questions answered with mode not_found",
  };

  const reciprocalRanks = answerable.map((outcome) => (outcome.goldRank === null ? 0 : 1 / outcome.goldRank));
  const latencies = outcomes.map((outcome) => outcome.latencyMs);
  return {
    targets: [recall, precision, notFoundRate],
    diagnostics: {
      questions: outcomes.length,
      answerable: answerable.length,
      unanswerable: unanswerable.length,
      errors: outcomes.filter((outcome) => outcome.error !== null).length,
      "gold passage intact in some chunk (recall ceiling)": ratio(
        answerable.filter((outcome) => outcome.goldChunked === true).length,
        answerable.length,
      ),
      "recall@1": ratio(answerable.filter((outcome) => outcome.goldRank === 1).length, answerable.length),
      "MRR@5": ratio(
        reciprocalRanks.reduce((sum, value) => sum + value, 0),
        answerable.length,
      ),
      "gold document in top 5": ratio(
        answerable.filter((outcome) => outcome.goldDocumentInTop5).length,
        answerable.length,
      ),
      "citations on answerable questions": citations.length,
      "citations whose quote overlaps the gold passage": ratio(
        citations.filter((citation) => citation.quoteOnGold).length,
        citations.length,
      ),
      "citations verified (all questions)": ratio(
        allCitations.filter((citation) => citation.verified).length,
        allCitations.length,
      ),
      "answerable questions with a supporting citation": ratio(
        answerable.filter((outcome) => outcome.citations.some((citation) => citation.supportsGold)).length,
        answerable.length,
      ),
      "false not-found on answerable": assistantAnswered
        ? ratio(answerable.filter((outcome) => outcome.mode === "not_found").length, answerable.length)
        : null,
      "grounded, of answers given to answerable questions": assistantAnswered
        ? ratio(answered.filter((outcome) => outcome.grounded === true).length, answered.length)
        : null,
      "gold retrieved but not let through as evidence": answerable.filter((outcome) =>
        outcome.top5.some(
          (passage) => (passage.goldCoverage ?? 0) >= overlapThreshold && passage.evidence === false,
        ),
      ).length,
      "replies not matching the AssistantAnswer contract": outcomes.filter(
        (outcome) => outcome.contractIssue !== null,
      ).length,
      modes: [...modes.entries()].map(([mode, count]) => `${mode} ${count}`).join(", "),
      "latency p50 ms": percentile(latencies, 50),
      "latency p95 ms": percentile(latencies, 95),
    },
  };
}

/** PASS, FAIL, or N/A for a metric this run could not measure. */
export function verdict(metric: TargetMetric): "PASS" | "FAIL" | "N/A" {
  if (metric.value === null) return "N/A";
  return metric.value >= metric.target ? "PASS" : "FAIL";
}
