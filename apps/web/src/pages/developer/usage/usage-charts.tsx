import { BarChart, chartColors } from "../../../features/charts";
import { formatNumber, formatUsd } from "../../../lib/format";
import { Card } from "../../../ui/feedback";
import type { Bucket } from "./usage-range";

const formatCount = (value: number) => formatNumber(value);
const formatCompact = (value: number) =>
  value.toLocaleString(undefined, { notation: "compact", maximumFractionDigits: 1 });

/** Requests, tokens and cost over the range, one chart each. */
export function UsageCharts({ buckets }: { buckets: readonly Bucket[] }) {
  const labels = buckets.map((bucket) => bucket.label);
  const pick = (read: (bucket: Bucket) => number) => buckets.map(read);
  return (
    <section aria-labelledby="usage-charts-heading" className="mb-6">
      <h2 id="usage-charts-heading" className="mb-3 text-lg font-semibold">
        Over time
      </h2>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card>
          <BarChart
            title="Requests"
            labels={labels}
            formatValue={formatCount}
            series={[
              {
                name: "Succeeded",
                values: pick((b) => b.counters.requests - b.counters.errors),
                fillClass: chartColors.blue,
              },
              { name: "Failed", values: pick((b) => b.counters.errors), fillClass: chartColors.amber },
            ]}
          />
        </Card>
        <Card>
          <BarChart
            title="Tokens"
            labels={labels}
            formatValue={formatCompact}
            series={[
              { name: "Input", values: pick((b) => b.counters.input_tokens), fillClass: chartColors.violet },
              {
                name: "Output",
                values: pick((b) => b.counters.output_tokens),
                fillClass: chartColors.emerald,
              },
            ]}
          />
        </Card>
        <Card>
          <BarChart
            title="Cost (USD)"
            labels={labels}
            formatValue={formatUsd}
            series={[{ name: "Cost", values: pick((b) => b.counters.cost_usd), fillClass: chartColors.blue }]}
          />
        </Card>
      </div>
    </section>
  );
}
