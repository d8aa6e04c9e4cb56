import type { UsageCounters } from "@tributary/contracts";
import { formatNumber, formatUsd } from "../../../lib/format";

/** The range's totals, as big numbers first: what most visits to this page come for. */
export function UsageTotals({ totals }: { totals: UsageCounters }) {
  const items = [
    { label: "Requests", value: formatNumber(totals.requests), testId: "usage-total-requests" },
    { label: "Input tokens", value: formatNumber(totals.input_tokens) },
    { label: "Output tokens", value: formatNumber(totals.output_tokens) },
    { label: "Cost", value: formatUsd(totals.cost_usd), testId: "usage-total-cost" },
    { label: "Errors", value: formatNumber(totals.errors) },
    { label: "Cache hits", value: formatNumber(totals.cache_hits) },
  ];
  return (
    <section aria-labelledby="usage-totals-heading" className="mb-6">
      <h2 id="usage-totals-heading" className="sr-only">
        Totals
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {items.map((item) => (
          <div
            key={item.label}
            className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
          >
            <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{item.label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={item.testId}>
              {item.value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
