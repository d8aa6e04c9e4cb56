import type { DatasetStats } from "@tributary/contracts";
import type { ReactNode } from "react";
import { formatBytes, formatDateTime, formatNumber } from "../../../lib/format";
import { Card, ErrorMessage, Notice, Spinner } from "../../../ui/feedback";
import { indexTypeLabels } from "./dataset-facts";

export interface DatasetStatsPanelProps {
  readonly stats: DatasetStats | undefined;
  readonly loading: boolean;
  readonly error: unknown;
}

/** GET …/stats: contents, the embedding model as the instance sees it, and the index. */
export function DatasetStatsPanel({ stats, loading, error }: DatasetStatsPanelProps) {
  if (loading) return <Spinner label="Loading the dataset's statistics" />;
  if (error) return <ErrorMessage error={error} title="The dataset's statistics could not be loaded" />;
  if (!stats) return null;
  const model = stats.embedding_model;
  const index = stats.index_stats;
  const parameters = Object.entries(index.parameters);
  return (
    <div className="grid gap-4 lg:grid-cols-3" data-testid="dataset-stats">
      <Card>
        <h3 className="mb-2 text-sm font-semibold">Contents</h3>
        <Facts
          items={[
            ["Vectors", formatNumber(stats.vector_count)],
            ["Documents", formatNumber(stats.metadata_stats.unique_documents)],
            ["Chunks", formatNumber(stats.metadata_stats.unique_chunks)],
            ["Storage", formatBytes(stats.storage_size)],
            ["Last written", formatDateTime(stats.last_updated)],
          ]}
        />
        <Counts title="Languages" counts={stats.metadata_stats.languages} />
        <Counts title="Content types" counts={stats.metadata_stats.content_types} />
      </Card>
      <Card>
        <h3 className="mb-2 text-sm font-semibold">Embedding model</h3>
        <Facts
          items={[
            ["Name", model.name],
            ["Provider", model.provider ?? "—"],
            ["Dimensions", formatNumber(model.dimensions)],
          ]}
        />
        <div className="mt-3 space-y-2">
          {!model.available && (
            <Notice tone="warning">
              This model is not available on this instance: storing and searching vectors fail until it is
              configured again, or the dataset is changed to another model.
            </Notice>
          )}
          {model.fallback && (
            <Notice tone="info">
              The built-in lexical embedder serves this dataset: it matches words, not meaning. Configure an
              embedding model and change to it for semantic search.
            </Notice>
          )}
        </div>
      </Card>
      <Card>
        <h3 className="mb-2 text-sm font-semibold">Index</h3>
        <Facts
          items={[
            ["Type", indexTypeLabels[index.index_type]],
            ["Searches run", index.search === "hnsw" ? "On the HNSW index" : "As an exact scan"],
            ["Memory", formatBytes(index.memory_usage_bytes)],
            [
              "Build time",
              index.build_time_seconds === null ? "—" : `${formatNumber(index.build_time_seconds, 1)} s`,
            ],
            ["Last rebuilt", formatDateTime(stats.last_rebuild_at)],
            [
              "Parameters",
              parameters.length === 0
                ? "—"
                : parameters.map(([key, value]) => `${key} = ${String(value)}`).join(", "),
            ],
          ]}
        />
        {index.note && <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">{index.note}</p>}
      </Card>
    </div>
  );
}

function Facts({ items }: { items: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <dl className="grid grid-cols-2 gap-x-3 gap-y-1.5 text-sm">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-600 dark:text-slate-300">{term}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Counts({ title, counts }: { title: string; counts: Record<string, number> }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <div className="mt-3">
      <h4 className="text-xs font-medium text-slate-600 dark:text-slate-300">{title}</h4>
      <ul className="mt-1 flex flex-wrap gap-1.5 text-xs">
        {entries.map(([name, count]) => (
          <li key={name} className="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">
            {name}: {formatNumber(count)}
          </li>
        ))}
      </ul>
    </div>
  );
}
