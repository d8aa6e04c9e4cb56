import type { UsageGroup, UsageGroupBy } from "@tributary/contracts";
import { formatNumber, formatUsd } from "../../../lib/format";
import { ErrorMessage, Spinner } from "../../../ui/feedback";
import { SelectField } from "../../../ui/field";
import type { GroupNamer } from "./group-names";
import { groupHeadings, groupLabels } from "./usage-range";

/** Where the usage went: per model, key, user, space or provider, costliest first (as the API orders it). */
export function UsageBreakdown({
  group,
  onGroupChange,
  groups,
  loading,
  error,
  nameOf,
}: {
  group: UsageGroupBy;
  onGroupChange: (group: UsageGroupBy) => void;
  groups: readonly UsageGroup[] | undefined;
  loading: boolean;
  error: unknown;
  nameOf: GroupNamer;
}) {
  const totalCost = groups?.reduce((sum, item) => sum + item.cost_usd, 0) ?? 0;
  const totalRequests = groups?.reduce((sum, item) => sum + item.requests, 0) ?? 0;
  return (
    <section aria-labelledby="usage-breakdown-heading">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <h2 id="usage-breakdown-heading" className="text-lg font-semibold">
          {groupHeadings[group]}
        </h2>
        <div className="w-48">
          <SelectField
            label="Break down by"
            value={group}
            onChange={(event) => onGroupChange(event.target.value as UsageGroupBy)}
          >
            {(Object.keys(groupLabels) as UsageGroupBy[]).map((key) => (
              <option key={key} value={key}>
                {groupLabels[key]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      {loading ? (
        <Spinner label="Loading the breakdown" />
      ) : error ? (
        <ErrorMessage error={error} title="The breakdown could not be loaded" />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
          <table className="w-full min-w-[36rem] text-left text-sm" data-testid="usage-breakdown">
            <caption className="sr-only">
              Usage {groupHeadings[group].replace(/^By/, "by")}, costliest first
            </caption>
            <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {groupLabels[group]}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Requests
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Input tokens
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Output tokens
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Cost
                </th>
                <th scope="col" className="w-32 px-3 py-2 font-medium">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {(groups ?? []).map((item) => {
                // Share of cost, or of requests when everything was free (local models).
                const share =
                  totalCost > 0
                    ? item.cost_usd / totalCost
                    : totalRequests > 0
                      ? item.requests / totalRequests
                      : 0;
                return (
                  <tr key={item.group ?? "none"} className="border-t border-slate-200 dark:border-slate-700">
                    <th scope="row" className="max-w-[16rem] break-words px-3 py-2 font-normal">
                      {nameOf(item.group, item.label)}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{formatNumber(item.requests)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatNumber(item.input_tokens)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatNumber(item.output_tokens)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatUsd(item.cost_usd)}</td>
                    <td className="px-3 py-2">
                      <div className="flex items-center gap-2">
                        <div
                          aria-hidden="true"
                          className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
                        >
                          <div
                            className="h-full bg-blue-600 dark:bg-blue-400"
                            style={{ width: `${share * 100}%` }}
                          />
                        </div>
                        <span className="w-10 text-right text-xs tabular-nums">
                          {Math.round(share * 100)}%
                        </span>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
