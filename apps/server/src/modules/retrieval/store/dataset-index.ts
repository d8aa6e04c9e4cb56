import type { Sql } from "../../../platform/sql/index.js";
import type { DatasetRow } from "./dataset-row.js";
import { usesHnsw } from "./dataset-row.js";
import { hnswConfigOf } from "./index-config.js";
import { isUuid } from "./uuid.js";
import { metricSql } from "./vector-metric.js";

/** Per process (spec §4 "index metadata: in memory until restart"): indexes known to exist. */
const knownIndexes = new Set<string>();

type IndexedDataset = Pick<
  DatasetRow,
  "id" | "generation" | "dimensions" | "metric_type" | "index_type" | "index_config"
>;

/** The dataset's id and generation as SQL literals; both are checked, so no user text reaches DDL. */
export function datasetLiterals(dataset: Pick<DatasetRow, "id" | "generation">): {
  id: string;
  generation: number;
} {
  if (!isUuid(dataset.id)) throw new Error(`not a dataset uuid: ${dataset.id}`);
  if (!Number.isInteger(dataset.generation) || dataset.generation < 1) {
    throw new Error(`not a dataset generation: ${dataset.generation}`);
  }
  return { id: dataset.id, generation: dataset.generation };
}

export function hnswIndexName(
  dataset: Pick<DatasetRow, "id" | "generation">,
  generation = dataset.generation,
): string {
  const { id } = datasetLiterals({ id: dataset.id, generation });
  return `dataset_vectors_hnsw_${id.replaceAll("-", "")}_${generation}`;
}

/**
 * The partial HNSW index of one dataset generation: over `embedding::vector(D)` (the column has no
 * typmod, datasets differ in dimensions) and only its rows. Idempotent; runs as the owner outside
 * any tenant transaction, so call it before or after one, never inside (the embedded database
 * has one connection). Searches use it when their SQL repeats the same cast and predicate.
 */
export async function ensureDatasetIndex(sql: Sql, dataset: IndexedDataset, generation = dataset.generation) {
  if (!usesHnsw(dataset)) return;
  const name = hnswIndexName(dataset, generation);
  const key = `${sql.schema}.${name}`;
  if (knownIndexes.has(key)) return;
  const { id } = datasetLiterals({ id: dataset.id, generation });
  const dimensions = Math.trunc(dataset.dimensions);
  const { m, ef_construction } = hnswConfigOf(dataset.index_config);
  const { opclass } = metricSql(dataset.metric_type);
  await sql.query(
    `CREATE INDEX IF NOT EXISTS ${name} ON dataset_vectors
       USING hnsw ((embedding::vector(${dimensions})) ${opclass}) WITH (m = ${Math.trunc(m)}, ef_construction = ${Math.trunc(ef_construction)})
       WHERE dataset_id = '${id}' AND generation = ${generation}`,
  );
  knownIndexes.add(key);
}

/** Drops a generation's HNSW index (a trashed dataset or a replaced generation is never searched). */
export async function dropDatasetIndex(
  sql: Sql,
  dataset: Pick<DatasetRow, "id" | "generation">,
  generation = dataset.generation,
) {
  const name = hnswIndexName(dataset, generation);
  await sql.query(`DROP INDEX IF EXISTS ${name}`);
  knownIndexes.delete(`${sql.schema}.${name}`);
}
