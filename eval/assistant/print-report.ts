import { type EvalMetrics, verdict } from "./eval-metrics.js";
import type { QuestionOutcome } from "./score-question.js";

/** The printed table stops here; the JSON report has every question. */
const maxFailureRows = 40;

function formatValue(value: number | string | null): string {
  if (value === null) return "n/a";
  if (typeof value === "string") return value;
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: readonly string[]) =>
    row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
  const [head, ...body] = rows;
  if (!head) return "";
  return [line(head), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}

/** The readable summary: the target metrics with PASS/FAIL, diagnostics, and the failing questions. */
export function formatReport(
  metrics: EvalMetrics,
  outcomes: readonly QuestionOutcome[],
  setup: readonly string[],
): string {
  const targetRows = [
    ["metric", "value", "target", "count", "result"],
    ...metrics.targets.map((metric) => [
      metric.name,
      formatValue(metric.value),
      `>= ${metric.target}`,
      `${metric.numerator}/${metric.denominator}`,
      verdict(metric),
    ]),
  ];
  const diagnosticRows = [
    ["diagnostic", "value"],
    ...Object.entries(metrics.diagnostics).map(([name, value]) => [name, formatValue(value)]),
  ];
  const failing = outcomes.filter((outcome) => outcome.failures.length > 0);
  const failureRows = [
    ["question", "failures", "gold rank", "top-1 document", "asked"],
    ...failing
      .slice(0, maxFailureRows)
      .map((outcome) => [
        outcome.id,
        outcome.failures.join(","),
        outcome.goldRank === null ? "-" : String(outcome.goldRank),
        outcome.top5[0]?.document ?? "-",
        outcome.question.length > 70 ? `${outcome.question.slice(0, 67)}...` : outcome.question,
      ]),
  ];
  return [
    "Tributary assistant evaluation",
    ...setup.map((line) => `  ${line}`),
    "",
    table(targetRows),
    "",
    ...metrics.targets.map((metric) => `  ${metric.name}: ${metric.note}`),
    "",
    table(diagnosticRows),
    "",
    failing.length === 0
      ? "No failing questions."
      : `Failing questions (${failing.length}):\n${table(failureRows)}`,
    ...(failing.length > maxFailureRows
      ? [`... ${failing.length - maxFailureRows} more in the JSON report`]
      : []),
  ].join("\n");
}
