import type { CreateDatasetRequest, IndexType, MetricType } from "@tributary/contracts";

/** Index types offered: `default` is only another name for `flat`, so it is not offered twice. */
export type OfferedIndexType = Exclude<IndexType, "default">;

/** The create form as typed: text, so a half-typed number is kept until submit says what is wrong. */
export interface DatasetFormValues {
  readonly name: string;
  readonly description: string;
  /** Empty: the platform's default model. */
  readonly embeddingModel: string;
  /** Empty: the model's own dimensions. */
  readonly dimensions: string;
  readonly metricType: MetricType;
  readonly indexType: OfferedIndexType;
  /** HNSW parameters; empty: the server's defaults (16, 200, 50). */
  readonly hnswM: string;
  readonly hnswEfConstruction: string;
  readonly hnswEfSearch: string;
}

export type DatasetFormField = keyof DatasetFormValues;
export type DatasetFormErrors = Partial<Record<DatasetFormField, string>>;

export const emptyDatasetForm: DatasetFormValues = {
  name: "",
  description: "",
  embeddingModel: "",
  dimensions: "",
  metricType: "cosine",
  indexType: "flat",
  hnswM: "",
  hnswEfConstruction: "",
  hnswEfSearch: "",
};

const namePattern = /^[a-z0-9_-]{1,100}$/;
const reservedNames = ["default", "system", "shared"];
/** pgvector's HNSW indexes vectors of at most 2,000 dimensions. */
const maxHnswDimensions = 2_000;

export type CreateDatasetResult =
  | { readonly ok: true; readonly request: CreateDatasetRequest }
  | { readonly ok: false; readonly errors: DatasetFormErrors };

/** Checks the form the way the API will, so most mistakes are shown beside their field before a round trip. */
export function buildCreateDatasetRequest(values: DatasetFormValues): CreateDatasetResult {
  const errors: DatasetFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = "Give the dataset a name, e.g. product-docs";
  else if (!namePattern.test(name)) errors.name = "1–100 lower-case letters, digits, _ and -";
  else if (reservedNames.includes(name)) errors.name = `“${name}” is reserved for the system`;
  const description = values.description.trim();
  if (description.length > 2000) errors.description = "At most 2,000 characters";
  const model = values.embeddingModel.trim();
  if (model.length > 200) errors.embeddingModel = "At most 200 characters";

  const dimensions = wholeNumber(values.dimensions, 1, 10_000);
  if (dimensions === "invalid") errors.dimensions = "A whole number from 1 to 10,000";
  else if (values.indexType === "hnsw" && dimensions !== undefined && dimensions > maxHnswDimensions) {
    errors.indexType = "HNSW indexes at most 2,000 dimensions: choose flat for larger vectors";
  }

  const indexConfig: NonNullable<CreateDatasetRequest["index_config"]> = {};
  if (values.indexType === "hnsw") {
    const m = wholeNumber(values.hnswM, 8, 64);
    if (m === "invalid") errors.hnswM = "A whole number from 8 to 64";
    else if (m !== undefined) indexConfig.m = m;
    const efConstruction = wholeNumber(values.hnswEfConstruction, 100, 500);
    if (efConstruction === "invalid") errors.hnswEfConstruction = "A whole number from 100 to 500";
    else if (efConstruction !== undefined) indexConfig.ef_construction = efConstruction;
    const efSearch = wholeNumber(values.hnswEfSearch, 10, 500);
    if (efSearch === "invalid") errors.hnswEfSearch = "A whole number from 10 to 500";
    else if (efSearch !== undefined) indexConfig.ef_search = efSearch;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      name,
      ...(description ? { description } : {}),
      ...(model ? { embedding_model: model } : {}),
      ...(typeof dimensions === "number" ? { dimensions } : {}),
      metric_type: values.metricType,
      index_type: values.indexType,
      ...(Object.keys(indexConfig).length > 0 ? { index_config: indexConfig } : {}),
    },
  };
}

/** The form field an INVALID_DATASET_CONFIG answer names in `details.field`, if it is one of ours. */
export function formFieldOfApiField(field: unknown): DatasetFormField | null {
  const fields: Record<string, DatasetFormField> = {
    name: "name",
    description: "description",
    embedding_model: "embeddingModel",
    dimensions: "dimensions",
    metric_type: "metricType",
    index_type: "indexType",
    "index_config.m": "hnswM",
    "index_config.ef_construction": "hnswEfConstruction",
    "index_config.ef_search": "hnswEfSearch",
  };
  return typeof field === "string" ? (fields[field] ?? null) : null;
}

function wholeNumber(text: string, min: number, max: number): number | undefined | "invalid" {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= min && value <= max ? value : "invalid";
}
