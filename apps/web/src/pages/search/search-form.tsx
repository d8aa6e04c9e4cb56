import { type FormEvent, useState } from "react";
import { Button } from "../../ui/button";
import { InputField } from "../../ui/field";
import { SearchFilterFields } from "./search-filter-fields";
import { SearchModePicker } from "./search-mode-picker";
import { filterErrors, type SearchFilters, type SearchMode } from "./search-request";

/**
 * The query, the mode and the filters. The query and filters apply on submit; the mode applies at
 * once, since switching retrievers on the same query is how one compares them.
 */
export function SearchForm({
  spaceId,
  initialQuery,
  mode,
  initialFilters,
  busy,
  onSearch,
  onModeChange,
}: {
  spaceId: string;
  initialQuery: string;
  mode: SearchMode;
  initialFilters: SearchFilters;
  busy: boolean;
  onSearch: (query: string, filters: SearchFilters) => void;
  onModeChange: (mode: SearchMode) => void;
}) {
  const [query, setQuery] = useState(initialQuery);
  const [filters, setFilters] = useState(initialFilters);
  // A query or filters changed from outside (back/forward, a shared link, "clear filters") replace
  // the drafts; the form is not remounted, so focus stays where the user left it.
  const [applied, setApplied] = useState({ query: initialQuery, filters: initialFilters });
  if (applied.query !== initialQuery || applied.filters !== initialFilters) {
    setApplied({ query: initialQuery, filters: initialFilters });
    setQuery(initialQuery);
    setFilters(initialFilters);
  }
  const [showErrors, setShowErrors] = useState(false);
  const errors = filterErrors(filters);
  const trimmed = query.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(errors).length > 0) {
      setShowErrors(true);
      return;
    }
    if (trimmed) onSearch(trimmed, filters);
  }

  return (
    <search>
      <form aria-label="Search documents" onSubmit={submit} className="space-y-4" noValidate>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <InputField
              label="Search query"
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder="Words or a question, e.g. notice period for termination"
              maxLength={10_000}
              autoComplete="off"
              data-testid="search-input"
            />
          </div>
          <Button type="submit" busy={busy} disabled={!trimmed} data-testid="search-submit">
            Search
          </Button>
        </div>
        <SearchModePicker mode={mode} onChange={onModeChange} />
        <SearchFilterFields
          spaceId={spaceId}
          filters={filters}
          errors={showErrors ? errors : {}}
          onChange={setFilters}
        />
      </form>
    </search>
  );
}
