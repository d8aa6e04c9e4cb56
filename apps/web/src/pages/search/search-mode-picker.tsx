import { cx } from "../../lib/cx";
import { type SearchMode, searchModes } from "./search-request";

/** The three retrievers as one radio group: hybrid (both, fused), vector (meaning), text (words). */
export function SearchModePicker({
  mode,
  onChange,
}: {
  mode: SearchMode;
  onChange: (mode: SearchMode) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-200">Search mode</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {searchModes.map((option) => (
          <label
            key={option.value}
            className={cx(
              "flex cursor-pointer gap-2 rounded-md border p-2 text-sm focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-600",
              option.value === mode
                ? "border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950"
                : "border-slate-300 dark:border-slate-600",
            )}
          >
            <input
              type="radio"
              name="search-mode"
              value={option.value}
              checked={option.value === mode}
              onChange={() => onChange(option.value)}
              className="mt-0.5 accent-blue-600"
              data-testid={`search-mode-${option.value}`}
            />
            <span>
              <span className="block font-medium">{option.label}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">{option.description}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
