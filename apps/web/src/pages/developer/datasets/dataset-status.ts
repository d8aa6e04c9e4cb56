import type { DatasetResponse } from "@tributary/contracts";

/** How often a dataset is asked again while its re-embedding runs. */
export const reembeddingPollMs = 2_000;

export type DatasetStatus = "ready" | "reembedding" | "reembedding_failed";

/** The API has no status field: a dataset is ready unless a model change runs or failed. */
export function datasetStatus(dataset: Pick<DatasetResponse, "reembedding">): DatasetStatus {
  if (dataset.reembedding?.status === "running") return "reembedding";
  if (dataset.reembedding?.status === "failed") return "reembedding_failed";
  return "ready";
}

/** Polls only while a re-embedding runs; a failed or finished one has nothing more to report. */
export function reembeddingPollInterval(
  dataset: Pick<DatasetResponse, "reembedding"> | undefined,
): number | false {
  return dataset && datasetStatus(dataset) === "reembedding" ? reembeddingPollMs : false;
}
