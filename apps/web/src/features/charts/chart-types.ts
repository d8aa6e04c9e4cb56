/** One stacked layer of a chart: a value per bucket, drawn in one colour. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
  /** Tailwind fill classes (light and dark) for its bars and legend swatch. */
  readonly fillClass: string;
}

export const chartColors = {
  blue: "fill-blue-600 dark:fill-blue-400",
  emerald: "fill-emerald-600 dark:fill-emerald-400",
  amber: "fill-amber-500 dark:fill-amber-300",
  violet: "fill-violet-600 dark:fill-violet-400",
} as const;
