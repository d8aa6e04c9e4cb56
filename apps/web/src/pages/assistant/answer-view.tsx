import type {
  AssistantCitation,
  AssistantMode,
  AssistantRetrieval,
  AssistantUsage,
} from "@tributary/contracts";
import type { ReactNode } from "react";
import { AnswerModeNotice } from "../../features/citations/answer-mode-notice";
import { CitationSources } from "../../features/citations/citation-sources";
import { CitedAnswer } from "../../features/citations/cited-answer";
import { formatNumber, formatUsd } from "../../lib/format";
import { ConsideredPassages } from "./considered-passages";

export interface AnswerContent {
  readonly answer: string;
  readonly citations: readonly AssistantCitation[];
  readonly warnings: readonly string[];
  /** Null while the answer is still being written. */
  readonly mode: AssistantMode | null;
  readonly grounded: boolean | null;
  readonly model: string | null;
  readonly usage: AssistantUsage | null;
  /** The passages the search considered; null while answering, and for answers stored without them. */
  readonly retrieval: AssistantRetrieval | null;
}

/** One answer of the assistant: how it was made, its text with citation markers, its sources. */
export function AnswerView({
  spaceId,
  content,
  state = "done",
  children,
}: {
  spaceId: string;
  content: AnswerContent;
  state?: "generating" | "done" | "stopped" | "failed";
  /** Status lines of a pending answer (generating, stopped, failed). */
  children?: ReactNode;
}) {
  return (
    <div
      data-testid="answer"
      data-state={state}
      data-mode={content.mode ?? undefined}
      aria-busy={state === "generating" || undefined}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <AnswerModeNotice mode={content.mode} grounded={content.grounded} warnings={content.warnings} />
      {content.answer && content.mode !== "not_found" && (
        <CitedAnswer
          spaceId={spaceId}
          answer={content.answer}
          citations={content.citations}
          className="text-sm"
        />
      )}
      {children}
      <CitationSources spaceId={spaceId} citations={content.citations} />
      <ConsideredPassages spaceId={spaceId} retrieval={content.retrieval} mode={content.mode} />
      {content.mode && <AnswerFacts content={content} />}
    </div>
  );
}

/** The model and what the answer cost, for people watching their budget. */
function AnswerFacts({ content }: { content: AnswerContent }) {
  const facts = [
    content.model ? `Model ${content.model}` : content.mode === "generative" ? null : "No model called",
    content.usage && content.usage.total_tokens > 0
      ? `${formatNumber(content.usage.total_tokens)} tokens`
      : null,
    content.usage && content.usage.cost_usd > 0 ? formatUsd(content.usage.cost_usd) : null,
  ].filter(Boolean);
  if (facts.length === 0) return null;
  return <p className="text-xs text-slate-600 dark:text-slate-300">{facts.join(" · ")}</p>;
}
