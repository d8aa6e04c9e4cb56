import { useState } from "react";
import { ErrorMessage } from "../../ui/feedback";
import { InputField, SelectField } from "../../ui/field";
import { activeFilterCount, noFilters, type SearchFilters } from "./search-request";
import { useNotebookOptions } from "./use-notebook-options";

const resultCounts = [10, 20, 50, 100] as const;

/** The narrowing `POST /api/v1/search` supports, folded away until wanted. */
export function SearchFilterFields({
  spaceId,
  filters,
  errors,
  onChange,
}: {
  spaceId: string;
  filters: SearchFilters;
  errors: Partial<Record<keyof SearchFilters, string>>;
  onChange: (filters: SearchFilters) => void;
}) {
  const notebooks = useNotebookOptions(spaceId);
  const active = activeFilterCount(filters);
  // Open when filters are already set, so what narrows the results is visible.
  const [open, setOpen] = useState(active > 0);
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <details
      className="rounded-md border border-slate-200 dark:border-slate-700"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600">
        Filters{active > 0 ? ` (${active} set)` : ""}
      </summary>
      <div className="grid gap-3 border-t border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-3 dark:border-slate-700">
        <SelectField
          label="Notebook"
          value={filters.notebookId}
          onChange={(event) => set("notebookId", event.target.value)}
          hint={notebooks.isPending ? "Loading notebooks…" : undefined}
        >
          <option value="">All notebooks</option>
          {notebooks.data?.map((notebook) => (
            <option key={notebook.id} value={notebook.id}>
              {notebook.name}
            </option>
          ))}
        </SelectField>
        <InputField
          label="Tags"
          value={filters.tags}
          onChange={(event) => set("tags", event.target.value)}
          placeholder="e.g. contracts, 2025"
          hint="Comma-separated: documents with any of these tags"
        />
        <SelectField
          label="Results"
          value={String(filters.topK)}
          onChange={(event) => set("topK", Number(event.target.value))}
        >
          {resultCounts.map((count) => (
            <option key={count} value={count}>
              {count} passages
            </option>
          ))}
        </SelectField>
        <InputField
          label="Indexed from"
          type="date"
          value={filters.indexedFrom}
          onChange={(event) => set("indexedFrom", event.target.value)}
          error={errors.indexedFrom}
        />
        <InputField
          label="Indexed to"
          type="date"
          value={filters.indexedTo}
          onChange={(event) => set("indexedTo", event.target.value)}
          error={errors.indexedTo}
        />
        <InputField
          label="Minimum score"
          type="number"
          inputMode="decimal"
          min={0}
          max={1}
          step={0.05}
          value={filters.minScore}
          onChange={(event) => set("minScore", event.target.value)}
          hint="0–1, applied to each retriever's score"
          error={errors.minScore}
        />
        {notebooks.error && (
          <div className="sm:col-span-2 lg:col-span-3">
            <ErrorMessage error={notebooks.error} title="The notebooks could not be loaded" />
          </div>
        )}
        {active > 0 && (
          <div className="sm:col-span-2 lg:col-span-3">
            <button
              type="button"
              onClick={() => onChange(noFilters)}
              className="text-sm font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
            >
              Clear filters
            </button>
          </div>
        )}
      </div>
    </details>
  );
}
