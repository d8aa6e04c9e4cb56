import { Link } from "@tanstack/react-router";
import type { AssistantCitation } from "@tributary/contracts";
import { citationTarget } from "./citation-markers";

/** The passages an answer cites, with the quote that supports it; each opens in its document. */
export function CitationSources({
  spaceId,
  citations,
}: {
  spaceId: string;
  citations: readonly AssistantCitation[];
}) {
  if (citations.length === 0) return null;
  const sorted = [...citations].sort((a, b) => a.index - b.index);
  return (
    <div className="mt-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
        Sources
      </h3>
      <ol className="mt-1 space-y-2" data-testid="citation-sources">
        {sorted.map((citation) => {
          const target = citationTarget(citation);
          return (
            <li key={citation.index} className="flex gap-2 text-sm">
              <span aria-hidden="true" className="font-semibold text-slate-600 dark:text-slate-300">
                [{citation.index}]
              </span>
              <div className="min-w-0">
                <Link
                  to="/s/$spaceId/documents/$documentId"
                  params={{ spaceId, documentId: target.documentId }}
                  search={target.search}
                  className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
                >
                  <span className="sr-only">Source {citation.index}: </span>
                  {citation.document_name}
                  {citation.page !== null && `, page ${citation.page}`}
                </Link>
                <blockquote className="mt-0.5 break-words border-l-2 border-slate-300 pl-2 text-slate-700 dark:border-slate-600 dark:text-slate-300">
                  “{citation.quote}”
                </blockquote>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
