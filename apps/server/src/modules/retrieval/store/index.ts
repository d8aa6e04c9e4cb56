// What other parts of the module (ingestion hook, space search, re-embedding) use of the store.
export { createDataset } from "./create-dataset.js";
export { dropDatasetIndex, ensureDatasetIndex, hnswIndexName } from "./dataset-index.js";
export { datasetModelResolver } from "./dataset-model-resolver.js";
export { type DatasetRow, storageLocation, toDatasetResponse, usesHnsw } from "./dataset-row.js";
export { defaultDatasetName, reservedDatasetNames } from "./dataset-rules.js";
export { datasetSize, datasetSizes } from "./dataset-size.js";
export { deleteVectorsByDocument } from "./delete-vectors-by-document.js";
export { type DefaultDatasetOptions, ensureDefaultDataset } from "./ensure-default-dataset.js";
export { datasetNotFound, findDataset, requireDataset } from "./find-dataset.js";
export { type RetrievalAccess, type RetrievalCaller, requireRetrievalAccess } from "./retrieval-access.js";
export { type UpsertOptions, type UpsertResult, upsertVectors } from "./upsert-vectors.js";
export { type VectorRecord, validateVectorRecords } from "./validate-vector-records.js";
export { maxDistanceForScore, metricSql, scoreOfDistance } from "./vector-metric.js";
export { toVectorResponse, type VectorFields, type VectorRow, vectorColumns } from "./vector-row.js";
