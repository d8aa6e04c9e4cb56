import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useSpaceId } from "../../layout/use-space";
import { EmptyState, PageHeader, Spinner } from "../../ui/feedback";
import { SearchError } from "./search-error";
import { SearchForm } from "./search-form";
import { activeFilterCount, noFilters, type SearchFilters, toSearchRequest } from "./search-request";
import { SearchResults } from "./search-results";
import { useSpaceSearch } from "./use-space-search";

/**
 * `/s/$spaceId/search?q=&mode=`: the query and mode live in the URL (shareable, kept on reload);
 * the filters are this visit's narrowing.
 */
export function SearchPage() {
  const spaceId = useSpaceId();
  const { q, mode = "hybrid" } = useSearch({ from: "/s/$spaceId/search" });
  const navigate = useNavigate({ from: "/s/$spaceId/search" });
  const [filters, setFilters] = useState<SearchFilters>(noFilters);
  const search = useSpaceSearch(spaceId, q ? toSearchRequest(q, mode, filters) : null);

  return (
    <>
      <PageHeader
        title="Search"
        description="Find passages in this space's documents by meaning, by exact words, or both."
      />
      <div className="space-y-6">
        <SearchForm
          spaceId={spaceId}
          initialQuery={q ?? ""}
          mode={mode}
          initialFilters={filters}
          busy={search.isFetching}
          onSearch={(query, nextFilters) => {
            const unchanged = query === q && JSON.stringify(nextFilters) === JSON.stringify(filters);
            if (unchanged) void search.refetch();
            setFilters(nextFilters);
            void navigate({ search: (prev) => ({ ...prev, q: query }) });
          }}
          onModeChange={(next) =>
            void navigate({ search: (prev) => ({ ...prev, mode: next }), replace: true })
          }
        />
        {!q ? (
          <EmptyState title="Search this space">
            Type words or a question above. Hybrid mode finds passages that mean the same thing and passages
            that use the same words; results open the document at the matching passage.
          </EmptyState>
        ) : search.isPending ? (
          <Spinner label="Searching" />
        ) : search.error ? (
          <SearchError error={search.error} />
        ) : (
          <SearchResults
            spaceId={spaceId}
            query={q}
            response={search.data}
            onClearFilters={activeFilterCount(filters) > 0 ? () => setFilters(noFilters) : undefined}
          />
        )}
      </div>
    </>
  );
}
