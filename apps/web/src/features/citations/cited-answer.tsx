import type { AssistantCitation } from "@tributary/contracts";
import { useMemo } from "react";
import { cx } from "../../lib/cx";
import { CitationMarker } from "./citation-marker";
import { parseCitedAnswer, withOffsets } from "./citation-markers";

/**
 * An answer's text with its verified `[n]` markers as links to the cited passages. Line breaks are
 * kept (the extractive answer puts one quote per line); markers without a citation stay text.
 */
export function CitedAnswer({
  spaceId,
  answer,
  citations,
  className,
}: {
  spaceId: string;
  answer: string;
  citations: readonly AssistantCitation[];
  className?: string;
}) {
  const segments = useMemo(() => withOffsets(parseCitedAnswer(answer, citations)), [answer, citations]);
  return (
    <div className={cx("whitespace-pre-wrap break-words leading-relaxed", className)}>
      {segments.map((segment) =>
        segment.kind === "text" ? (
          <span key={segment.at}>{segment.text}</span>
        ) : (
          <CitationMarker key={segment.at} spaceId={spaceId} citation={segment.citation} />
        ),
      )}
    </div>
  );
}
