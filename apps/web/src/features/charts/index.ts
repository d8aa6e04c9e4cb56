export { BarChart, type BarChartProps } from "./bar-chart";
export { stackTotals, summarizeChart } from "./chart-summary";
export { type ChartSeries, chartColors } from "./chart-types";
