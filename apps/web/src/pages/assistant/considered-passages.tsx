import { Link } from "@tanstack/react-router";
import type { AssistantMode, AssistantPassage, AssistantRetrieval } from "@tributary/contracts";

/** Passages listed at most; the rest are counted. */
const listed = 8;

/**
 * The passages the answer's search considered, best first, each opening in its document: what
 * the answer was built from, or, when the documents did not say, what came closest (shown open,
 * so the reader can judge the refusal and read on).
 */
export function ConsideredPassages({
  spaceId,
  retrieval,
  mode,
}: {
  spaceId: string;
  retrieval: AssistantRetrieval | null;
  mode: AssistantMode | null;
}) {
  if (!retrieval || retrieval.passages.length === 0) return null;
  const passages = [...retrieval.passages].sort((a, b) => a.rank - b.rank);
  const notFound = mode === "not_found";
  return (
    <details open={notFound} className="mt-3 text-sm" data-testid="considered-passages">
      <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
        {notFound ? "Closest passages" : "Passages considered"} ({passages.length})
      </summary>
      <ol className="mt-1 space-y-1">
        {passages.slice(0, listed).map((passage) => (
          <li key={passage.chunk_id} className="flex flex-wrap items-baseline gap-x-2">
            <Link
              to="/s/$spaceId/documents/$documentId"
              params={{ spaceId, documentId: passage.document_id }}
              search={{ chunk: passage.chunk_id }}
              className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
            >
              {passage.document_name}
              {passage.page !== null && `, page ${passage.page}`}
            </Link>
            <span className="text-xs text-slate-600 dark:text-slate-300">{roleOf(passage)}</span>
          </li>
        ))}
      </ol>
      {passages.length > listed && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">and {passages.length - listed} more</p>
      )}
    </details>
  );
}

/** What the passage was to the answer, in the reader's words. */
function roleOf(passage: AssistantPassage): string {
  if (passage.in_prompt) return "read for the answer";
  if (passage.evidence) return "relevant, not read";
  return "shares too few of the question's words";
}
