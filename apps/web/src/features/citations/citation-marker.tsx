import { Link } from "@tanstack/react-router";
import type { AssistantCitation } from "@tributary/contracts";
import { citationLabel, citationTarget } from "./citation-markers";

/** An `[n]` marker in an answer: opens the cited passage, highlighted, in its document. */
export function CitationMarker({ spaceId, citation }: { spaceId: string; citation: AssistantCitation }) {
  const target = citationTarget(citation);
  return (
    <Link
      to="/s/$spaceId/documents/$documentId"
      params={{ spaceId, documentId: target.documentId }}
      search={target.search}
      aria-label={citationLabel(citation)}
      title={`“${citation.quote}” — ${citation.document_name}`}
      data-testid="citation-marker"
      data-citation-index={citation.index}
      className="mx-0.5 inline-block rounded bg-blue-100 px-1 align-baseline text-xs font-semibold text-blue-800 no-underline hover:bg-blue-200 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:bg-blue-900 dark:text-blue-100 dark:hover:bg-blue-800"
    >
      {`[${citation.index}]`}
    </Link>
  );
}
