import type { SpaceSearchResponse } from "@tributary/contracts";
import { formatNumber } from "../../lib/format";
import { EmptyState, Notice } from "../../ui/feedback";
import { SearchResultCard } from "./search-result-card";
import { queryTerms } from "./snippet";

/** The passages found, with how long it took and what each retriever contributed. */
export function SearchResults({
  spaceId,
  query,
  response,
  onClearFilters,
}: {
  spaceId: string;
  query: string;
  response: SpaceSearchResponse;
  /** Offered when nothing matched and filters narrowed the search. */
  onClearFilters?: (() => void) | undefined;
}) {
  const { results, stats } = response;
  const terms = queryTerms(query);
  return (
    <section aria-labelledby="search-results-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="search-results-heading" className="text-lg font-semibold">
          {results.length === 1 ? "1 passage" : `${results.length} passages`}
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="search-stats">
          {formatNumber(response.took_ms, 1)} ms · {stats.search_mode} · {stats.vector_results} by vector,{" "}
          {stats.text_results} by text
          {stats.reranked > 0 ? ` · best ${stats.reranked} re-ranked by sentence` : ""} ·{" "}
          {stats.embedding_model}
        </p>
      </div>
      {stats.embedding_fallback && stats.search_mode !== "text" && (
        <Notice tone="warning">
          No embedding model is configured, so the built-in lexical embedder stands in: vector search matches
          shared words rather than meaning. An administrator can add an embedding provider.
        </Notice>
      )}
      {results.length === 0 ? (
        <EmptyState
          title="No passages matched"
          action={
            onClearFilters && (
              <button
                type="button"
                onClick={onClearFilters}
                className="text-sm font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
              >
                Clear filters and search again
              </button>
            )
          }
        >
          Try other words, switch to Hybrid mode, or lower the minimum score. Documents are searchable once
          they have finished processing.
        </EmptyState>
      ) : (
        <ol className="space-y-3" data-testid="search-results">
          {results.map((passage) => (
            <SearchResultCard key={passage.chunk_id} spaceId={spaceId} passage={passage} terms={terms} />
          ))}
        </ol>
      )}
    </section>
  );
}
