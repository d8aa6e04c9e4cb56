import type { ChartSeries } from "./chart-types";

/** The chart's numbers as a table, folded away: the accessible and exact form of the same data. */
export function ChartDataTable({
  title,
  labels,
  series,
  totals,
  formatValue,
}: {
  title: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
  totals: readonly number[];
  formatValue: (value: number) => string;
}) {
  const stacked = series.length > 1;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-xs font-medium text-blue-700 dark:text-blue-300">
        Show the data as a table
      </summary>
      <div className="mt-2 max-h-64 overflow-auto">
        <table className="w-full text-left text-xs">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1 pr-3 font-medium">
                Period
              </th>
              {series.map((layer) => (
                <th key={layer.name} scope="col" className="py-1 pr-3 text-right font-medium">
                  {layer.name}
                </th>
              ))}
              {stacked && (
                <th scope="col" className="py-1 text-right font-medium">
                  Total
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, index) => (
              <tr key={label} className="border-b border-slate-100 dark:border-slate-800">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {label}
                </th>
                {series.map((layer) => (
                  <td key={layer.name} className="py-1 pr-3 text-right tabular-nums">
                    {formatValue(layer.values[index] ?? 0)}
                  </td>
                ))}
                {stacked && (
                  <td className="py-1 text-right tabular-nums">{formatValue(totals[index] ?? 0)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
