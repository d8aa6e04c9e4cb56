import { type IndexType, indexTypes, type MetricType, metricTypes } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";

/** Names only the system creates (G39): the lazily created `default`, and `system`/`shared`. */
export const reservedDatasetNames: readonly string[] = ["default", "system", "shared"];
export const defaultDatasetName = "default";

const datasetNamePattern = /^[a-z0-9_-]{1,100}$/;
export const maxDimensions = 10_000;
/** pgvector's HNSW indexes `vector` columns of at most 2,000 dimensions. */
export const maxHnswDimensions = 2_000;

/** INVALID_DATASET_CONFIG with the spec's details `{field, value, allowed_range}`. */
export function invalidDatasetConfig(
  field: string,
  value: unknown,
  allowedRange: string,
  message?: string,
): AppError {
  return new AppError(
    "INVALID_DATASET_CONFIG",
    message ?? `Invalid dataset ${field}: ${JSON.stringify(value)} (allowed: ${allowedRange})`,
    { details: { field, value, allowed_range: allowedRange } },
  );
}

export function isValidDatasetName(name: string): boolean {
  return datasetNamePattern.test(name);
}

/** A name a user may create: 1–100 of [a-z0-9_-], not reserved. */
export function checkUserDatasetName(name: string): void {
  if (!isValidDatasetName(name)) {
    throw invalidDatasetConfig("name", name, "1-100 characters of a-z, 0-9, _ and -");
  }
  if (reservedDatasetNames.includes(name)) {
    throw invalidDatasetConfig(
      "name",
      name,
      "any name except default, system and shared",
      `The dataset name '${name}' is reserved for the system`,
    );
  }
}

export function checkDimensions(dimensions: number): void {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > maxDimensions) {
    throw invalidDatasetConfig("dimensions", dimensions, `1-${maxDimensions}`);
  }
}

export function parseMetricType(value: string | undefined): MetricType {
  if (value === undefined) return "cosine";
  const metric = metricTypes.find((candidate) => candidate === value);
  if (!metric) throw invalidDatasetConfig("metric_type", value, metricTypes.join(", "));
  return metric;
}

/** The index types of G19; typos such as `hnsb` are refused. */
export function parseIndexType(value: string | undefined): IndexType {
  if (value === undefined) return "flat";
  const index = indexTypes.find((candidate) => candidate === value);
  if (!index) throw invalidDatasetConfig("index_type", value, indexTypes.join(", "));
  return index;
}
