import type { UsageGroupBy } from "@tributary/contracts";
import { Button } from "../../../ui/button";
import { InputField } from "../../../ui/field";
import { type UsageRange, utcDate } from "./usage-range";

const presets = [7, 30, 90] as const;

/** The range of days (UTC) to report; each change goes to the URL, so the view can be shared. */
export function UsageFilters({
  range,
  error,
  onChange,
}: {
  range: UsageRange;
  error: string | undefined;
  onChange: (next: { from: string; to: string; group: UsageGroupBy }) => void;
}) {
  const today = new Date();
  return (
    <form
      aria-label="Usage range"
      className="mb-6 flex flex-wrap items-end gap-3"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="w-40">
        <InputField
          label="From"
          type="date"
          value={range.from}
          max={range.to}
          onChange={(event) => event.target.value && onChange({ ...range, from: event.target.value })}
          error={error}
        />
      </div>
      <div className="w-40">
        <InputField
          label="To"
          type="date"
          value={range.to}
          min={range.from}
          onChange={(event) => event.target.value && onChange({ ...range, to: event.target.value })}
        />
      </div>
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Quick ranges</legend>
        {presets.map((days) => (
          <Button
            key={days}
            variant="secondary"
            onClick={() =>
              onChange({
                ...range,
                from: utcDate(new Date(today.getTime() - (days - 1) * 86_400_000)),
                to: utcDate(today),
              })
            }
          >
            Last {days} days
          </Button>
        ))}
      </fieldset>
      <p className="w-full text-xs text-slate-600 dark:text-slate-300">Days are UTC, both ends included.</p>
    </form>
  );
}
