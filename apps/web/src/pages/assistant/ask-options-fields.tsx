import { SelectField } from "../../ui/field";
import { useNotebookOptions } from "../search/use-notebook-options";
import type { AskOptions } from "./answer-stream";

/** How the assistant searches for evidence: which retriever, which notebook. */
export function AskOptionsFields({
  spaceId,
  options,
  onChange,
}: {
  spaceId: string;
  options: AskOptions;
  onChange: (options: AskOptions) => void;
}) {
  const notebooks = useNotebookOptions(spaceId);
  return (
    <details className="text-sm">
      <summary className="w-fit cursor-pointer rounded text-slate-700 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-200">
        Search options
      </summary>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Search mode"
          value={options.searchMode}
          onChange={(event) =>
            onChange({ ...options, searchMode: event.target.value as AskOptions["searchMode"] })
          }
        >
          <option value="hybrid">Hybrid (meaning and words)</option>
          <option value="vector">Vector (meaning)</option>
          <option value="text">Text (exact words)</option>
        </SelectField>
        <SelectField
          label="Notebook"
          value={options.notebookId}
          onChange={(event) => onChange({ ...options, notebookId: event.target.value })}
          hint={notebooks.error ? "The notebooks could not be loaded; all are searched" : undefined}
        >
          <option value="">All notebooks</option>
          {notebooks.data?.map((notebook) => (
            <option key={notebook.id} value={notebook.id}>
              {notebook.name}
            </option>
          ))}
        </SelectField>
      </div>
    </details>
  );
}
