import type { ReactNode } from "react";
import { formatNumber, formatUsd } from "../../../lib/format";
import { Badge } from "../../../ui/feedback";
import type { PlaygroundRun } from "./use-playground-run";

/** How the gateway served the call: route, fallbacks, tokens, cost and its own overhead. */
export function PlaygroundMetadata({ run }: { run: PlaygroundRun }) {
  if (run.phase === "idle" || run.phase === "waiting") return null;
  const meta = run.result?.routerMetadata ?? null;
  const usage = run.result?.usage ?? null;
  const failed = meta?.failed_providers ?? [];
  return (
    <section
      aria-labelledby="playground-metadata-heading"
      data-testid="playground-metadata"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="playground-metadata-heading" className="mb-3 text-base font-semibold">
        Call details
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Item term="Provider" testId="meta-provider">
          {meta?.provider ?? "—"}
        </Item>
        <Item term="Upstream model" testId="meta-model">
          {meta?.model ?? run.result?.model ?? "—"}
        </Item>
        <Item term="Fallback">
          {meta ? (
            meta.fallback_used ? (
              <Badge tone="warning">Used after {failed.join(", ") || "a failure"}</Badge>
            ) : (
              "Not needed"
            )
          ) : (
            "—"
          )}
        </Item>
        <Item term="Attempts">{meta?.attempt_count ?? "—"}</Item>
        <Item term="Prompt tokens" testId="meta-prompt-tokens">
          {usage ? formatNumber(usage.prompt_tokens) : "—"}
        </Item>
        <Item term="Completion tokens" testId="meta-completion-tokens">
          {usage ? formatNumber(usage.completion_tokens) : "—"}
        </Item>
        <Item term="Total tokens" testId="meta-total-tokens">
          {usage ? formatNumber(usage.total_tokens) : "—"}
        </Item>
        <Item term="Cost" testId="meta-cost">
          {meta?.actual_cost !== undefined ? formatUsd(meta.actual_cost) : "—"}
        </Item>
        <Item term="Gateway overhead" testId="meta-overhead">
          {run.overheadMs !== null ? `${formatNumber(run.overheadMs, 1)} ms` : "—"}
        </Item>
        <Item term="Provider latency">
          {meta?.provider_latency !== undefined ? `${formatNumber(meta.provider_latency)} ms` : "—"}
        </Item>
        <Item term="First token after">
          {run.firstTokenMs !== null ? `${formatNumber(run.firstTokenMs)} ms` : "—"}
        </Item>
        <Item term="Total time">{run.totalMs !== null ? `${formatNumber(run.totalMs)} ms` : "—"}</Item>
        <Item term="Finish reason">{run.result?.finishReason ?? "—"}</Item>
        <Item term="Request id">
          <span className="break-all font-mono text-xs">{run.requestId ?? "—"}</span>
        </Item>
        {meta?.routing_reason && meta.routing_reason.length > 0 && (
          <div className="sm:col-span-2">
            <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">Why this route</dt>
            <dd>
              <ul className="list-inside list-disc">
                {meta.routing_reason.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      {!meta && run.phase === "stopped" && (
        <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">
          The gateway sends routing details, usage and cost with the last chunk, which a stopped call does not
          receive.
        </p>
      )}
    </section>
  );
}

function Item({ term, testId, children }: { term: string; testId?: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
