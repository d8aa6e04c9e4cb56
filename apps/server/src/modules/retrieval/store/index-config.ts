import type { IndexType } from "@tributary/contracts";
import { assertNever } from "../../../platform/errors/index.js";
import { invalidDatasetConfig, maxHnswDimensions } from "./dataset-rules.js";

export interface IndexConfigInput {
  readonly m?: number | undefined;
  readonly ef_construction?: number | undefined;
  readonly ef_search?: number | undefined;
  readonly nlist?: number | undefined;
  readonly nprobe?: number | undefined;
}

export interface HnswConfig {
  readonly m: number;
  readonly ef_construction: number;
  readonly ef_search: number;
}

interface Range {
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
}

// Spec §4 ranges and defaults (requirement 9).
const hnswRanges = {
  m: { min: 8, max: 64, fallback: 16 },
  ef_construction: { min: 100, max: 500, fallback: 200 },
  ef_search: { min: 10, max: 500, fallback: 50 },
} as const satisfies Record<keyof HnswConfig, Range>;
const ivfRanges = {
  nlist: { min: 1, max: 65_536, fallback: 100 },
  nprobe: { min: 1, max: 65_536, fallback: 10 },
} as const satisfies Record<string, Range>;

function pick(config: IndexConfigInput, key: keyof IndexConfigInput, range: Range): number {
  const value = config[key];
  if (value === undefined) return range.fallback;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw invalidDatasetConfig(`index_config.${key}`, value, `${range.min}-${range.max}`);
  }
  return value;
}

function refuseKeys(
  config: IndexConfigInput,
  keys: readonly (keyof IndexConfigInput)[],
  indexType: IndexType,
) {
  for (const key of keys) {
    if (config[key] !== undefined) {
      throw invalidDatasetConfig(
        `index_config.${key}`,
        config[key],
        "not applicable",
        `index_config.${key} does not apply to index_type ${indexType}`,
      );
    }
  }
}

/**
 * The stored index configuration with the spec's defaults filled in. `ivf` keeps its parameters
 * for the record, but is served by an exact scan (100% recall; see the dataset's index_stats).
 */
export function resolveIndexConfig(
  indexType: IndexType,
  config: IndexConfigInput,
  dimensions: number,
): Record<string, number> {
  switch (indexType) {
    case "default":
    case "flat":
      refuseKeys(config, ["m", "ef_construction", "ef_search", "nlist", "nprobe"], indexType);
      return {};
    case "hnsw": {
      refuseKeys(config, ["nlist", "nprobe"], indexType);
      if (dimensions > maxHnswDimensions) {
        throw invalidDatasetConfig(
          "dimensions",
          dimensions,
          `1-${maxHnswDimensions} for hnsw`,
          `An hnsw index holds at most ${maxHnswDimensions} dimensions; use index_type flat for ${dimensions}`,
        );
      }
      const m = pick(config, "m", hnswRanges.m);
      const efConstruction = pick(config, "ef_construction", hnswRanges.ef_construction);
      // pgvector builds the graph with a candidate list of at least 2·m.
      if (efConstruction < 2 * m) {
        throw invalidDatasetConfig(
          "index_config.ef_construction",
          efConstruction,
          `${2 * m}-500 (at least 2 × m)`,
        );
      }
      return {
        m,
        ef_construction: efConstruction,
        ef_search: pick(config, "ef_search", hnswRanges.ef_search),
      };
    }
    case "ivf": {
      refuseKeys(config, ["m", "ef_construction", "ef_search"], indexType);
      const nlist = pick(config, "nlist", ivfRanges.nlist);
      const nprobe = pick(config, "nprobe", ivfRanges.nprobe);
      // G31: nprobe never exceeds nlist.
      return { nlist, nprobe: Math.min(nprobe, nlist) };
    }
    default:
      return assertNever(indexType);
  }
}

/** The HNSW parameters of a stored configuration, with defaults for anything missing. */
export function hnswConfigOf(config: Record<string, unknown>): HnswConfig {
  const read = (key: keyof HnswConfig) => {
    const value = config[key];
    return typeof value === "number" && Number.isInteger(value) ? value : hnswRanges[key].fallback;
  };
  return { m: read("m"), ef_construction: read("ef_construction"), ef_search: read("ef_search") };
}
