import type { ChartSeries } from "./chart-types";

/** The total per bucket of every stacked series. */
export function stackTotals(series: readonly ChartSeries[], bucketCount: number): number[] {
  const totals = new Array<number>(bucketCount).fill(0);
  for (const layer of series) {
    for (let i = 0; i < bucketCount; i += 1) totals[i] = (totals[i] ?? 0) + (layer.values[i] ?? 0);
  }
  return totals;
}

/**
 * What a screen reader hears instead of the bars: the range, the total and the busiest bucket.
 * The full numbers are in the chart's data table.
 */
export function summarizeChart(
  labels: readonly string[],
  series: readonly ChartSeries[],
  format: (value: number) => string,
): string {
  if (labels.length === 0) return "No data in this range.";
  const totals = stackTotals(series, labels.length);
  const sum = totals.reduce((a, b) => a + b, 0);
  let peak = 0;
  for (let i = 1; i < totals.length; i += 1) if ((totals[i] ?? 0) > (totals[peak] ?? 0)) peak = i;
  const range = `${labels[0]} to ${labels[labels.length - 1]}`;
  if (sum === 0) return `${range}: none.`;
  return `${range}: ${format(sum)} in total; highest ${format(totals[peak] ?? 0)} on ${labels[peak]}.`;
}
