import { Link } from "@tanstack/react-router";
import type { SpaceSearchResponse } from "@tributary/contracts";
import { formatScore } from "./format-score";
import { highlightTerms, snippetOf, withOffsets } from "./snippet";

type Passage = SpaceSearchResponse["results"][number];

/** One passage: its document (opening at the chunk), where it is, the matching words, the scores. */
export function SearchResultCard({
  spaceId,
  passage,
  terms,
}: {
  spaceId: string;
  passage: Passage;
  terms: readonly string[];
}) {
  const parts = withOffsets(highlightTerms(snippetOf(passage.content, terms), terms));
  return (
    <li
      data-testid="search-result"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="min-w-0 break-words text-base font-semibold">
          <span className="mr-2 text-sm font-normal text-slate-600 dark:text-slate-300">
            <span className="sr-only">Rank </span>#{passage.rank}
          </span>
          <Link
            to="/s/$spaceId/documents/$documentId"
            params={{ spaceId, documentId: passage.document_id }}
            search={{ chunk: passage.chunk_id }}
            className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
            data-testid="search-result-link"
          >
            {passage.document_name}
          </Link>
          {passage.document_title !== null && (
            <span
              className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-300"
              data-testid="search-result-title"
            >
              {passage.document_title}
            </span>
          )}
        </h3>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {passage.page !== null && <span>Page {passage.page} · </span>}
          <span>Chunk {passage.chunk_index + 1}</span>
        </p>
      </div>
      {passage.heading_path.length > 0 && (
        <p className="mt-1 break-words text-xs text-slate-600 dark:text-slate-300">
          {passage.heading_path.join(" › ")}
        </p>
      )}
      <p
        className="mt-2 break-words text-sm text-slate-800 dark:text-slate-200"
        data-testid="search-result-snippet"
      >
        {parts.map((part) =>
          part.match ? (
            <mark
              key={part.at}
              className="rounded-sm bg-amber-200 px-0.5 text-slate-900 dark:bg-amber-700 dark:text-white"
            >
              {part.text}
            </mark>
          ) : (
            <span key={part.at}>{part.text}</span>
          ),
        )}
      </p>
      <dl
        className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300"
        data-testid="search-result-scores"
      >
        <Score label="Score" value={passage.score} />
        <Score label="Vector" value={passage.scores.vector} />
        <Score label="Text" value={passage.scores.text} />
        {passage.scores.sentence !== null && <Score label="Sentence" value={passage.scores.sentence} />}
      </dl>
    </li>
  );
}

function Score({ label, value }: { label: string; value: number | null }) {
  return (
    <div className="flex gap-1">
      <dt>{label}</dt>
      <dd className="font-mono text-slate-800 dark:text-slate-100">{formatScore(value)}</dd>
    </div>
  );
}
