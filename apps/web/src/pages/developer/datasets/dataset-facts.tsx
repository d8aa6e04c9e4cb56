import type { DatasetResponse } from "@tributary/contracts";
import { formatBytes, formatNumber } from "../../../lib/format";

export const indexTypeLabels: Record<DatasetResponse["index_type"], string> = {
  default: "Default (flat)",
  flat: "Flat (exact)",
  hnsw: "HNSW (approximate)",
  ivf: "IVF (searched exactly)",
};

export const metricLabels: Record<DatasetResponse["metric_type"], string> = {
  cosine: "Cosine",
  euclidean: "Euclidean",
  manhattan: "Manhattan",
  dot_product: "Dot product",
};

/** What a dataset is, at a glance: its model and shape, and how much it holds. */
export function DatasetFacts({ dataset }: { dataset: DatasetResponse }) {
  const facts: Array<[string, string]> = [
    ["Embedding model", dataset.embedding_model],
    ["Dimensions", formatNumber(dataset.dimensions)],
    ["Index", `${indexTypeLabels[dataset.index_type]} · ${metricLabels[dataset.metric_type]}`],
    ["Vectors", formatNumber(dataset.vector_count)],
    ["Storage", formatBytes(dataset.storage_size)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-5">
      {facts.map(([term, value]) => (
        <div key={term} className="min-w-0">
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{term}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
