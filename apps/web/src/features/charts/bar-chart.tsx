import { useId } from "react";
import { ChartDataTable } from "./chart-data-table";
import { stackTotals, summarizeChart } from "./chart-summary";
import type { ChartSeries } from "./chart-types";

export interface BarChartProps {
  readonly title: string;
  /** One label per bucket (e.g. a day), in time order. */
  readonly labels: readonly string[];
  /** Stacked from the bottom up, in this order. */
  readonly series: readonly ChartSeries[];
  readonly formatValue: (value: number) => string;
}

const width = 600;
const height = 160;

/**
 * Stacked bars over time as inline SVG: no chart library, so the page stays light. The SVG only
 * draws; axis labels are HTML so they keep their size at any width, and the numbers themselves are
 * in a data table below for screen readers and for anyone who wants them exactly.
 */
export function BarChart({ title, labels, series, formatValue }: BarChartProps) {
  const id = useId();
  const totals = stackTotals(series, labels.length);
  const max = Math.max(0, ...totals);
  const slot = labels.length > 0 ? width / labels.length : width;
  const barWidth = Math.max(1, slot * 0.7);
  const summary = summarizeChart(labels, series, formatValue);
  const middle = labels.length > 2 ? labels[Math.floor((labels.length - 1) / 2)] : undefined;

  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        {series.length > 1 && <Legend series={series} />}
      </figcaption>
      <div className="flex gap-2">
        <div
          aria-hidden="true"
          className="flex w-14 shrink-0 flex-col justify-between text-right text-xs text-slate-600 dark:text-slate-300"
        >
          <span>{formatValue(max)}</span>
          <span>{formatValue(0)}</span>
        </div>
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          className="h-40 w-full min-w-0 overflow-visible"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          <line x1={0} x2={width} y1={0} y2={0} className="stroke-slate-200 dark:stroke-slate-700" />
          <line
            x1={0}
            x2={width}
            y1={height / 2}
            y2={height / 2}
            className="stroke-slate-200 dark:stroke-slate-700"
          />
          <line
            x1={0}
            x2={width}
            y1={height}
            y2={height}
            className="stroke-slate-400 dark:stroke-slate-500"
          />
          {labels.map((label, index) => {
            let base = height;
            return (
              <g key={label}>
                {series.map((layer) => {
                  const value = layer.values[index] ?? 0;
                  const barHeight = max > 0 ? (value / max) * height : 0;
                  base -= barHeight;
                  return (
                    <rect
                      key={layer.name}
                      x={index * slot + (slot - barWidth) / 2}
                      y={base}
                      width={barWidth}
                      height={barHeight}
                      className={layer.fillClass}
                    >
                      <title>{`${label} · ${layer.name}: ${formatValue(value)}`}</title>
                    </rect>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <div
        aria-hidden="true"
        className="ml-16 mt-1 flex justify-between gap-2 text-xs text-slate-600 dark:text-slate-300"
      >
        <span>{labels[0]}</span>
        {middle && <span className="hidden sm:inline">{middle}</span>}
        {labels.length > 1 && <span>{labels[labels.length - 1]}</span>}
      </div>
      <ChartDataTable
        title={title}
        labels={labels}
        series={series}
        totals={totals}
        formatValue={formatValue}
      />
    </figure>
  );
}

function Legend({ series }: { series: readonly ChartSeries[] }) {
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-slate-700 dark:text-slate-200">
      {series.map((layer) => (
        <li key={layer.name} className="flex items-center gap-1">
          <svg aria-hidden="true" viewBox="0 0 10 10" className="size-2.5">
            <rect width={10} height={10} rx={2} className={layer.fillClass} />
          </svg>
          {layer.name}
        </li>
      ))}
    </ul>
  );
}
