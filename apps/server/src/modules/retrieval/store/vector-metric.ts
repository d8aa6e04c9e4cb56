import type { MetricType } from "@tributary/contracts";
import { assertNever } from "../../../platform/errors/index.js";

/** pgvector's distance operator and HNSW operator class for each metric. */
export interface MetricSql {
  /** `a OP b` is the distance, smaller is closer (`<#>` is the negative inner product). */
  readonly operator: "<=>" | "<->" | "<+>" | "<#>";
  readonly opclass: "vector_cosine_ops" | "vector_l2_ops" | "vector_l1_ops" | "vector_ip_ops";
}

export function metricSql(metric: MetricType): MetricSql {
  switch (metric) {
    case "cosine":
      return { operator: "<=>", opclass: "vector_cosine_ops" };
    case "euclidean":
      return { operator: "<->", opclass: "vector_l2_ops" };
    case "manhattan":
      return { operator: "<+>", opclass: "vector_l1_ops" };
    case "dot_product":
      return { operator: "<#>", opclass: "vector_ip_ops" };
    default:
      return assertNever(metric);
  }
}

/**
 * The score of a distance (G28): cosine 1 − d (= cosine similarity), euclidean and manhattan
 * 1/(1+d), dot product the raw inner product (pgvector's `<#>` is its negative, our distance).
 */
export function scoreOfDistance(metric: MetricType, distance: number): number {
  switch (metric) {
    case "cosine":
      return 1 - distance;
    case "euclidean":
    case "manhattan":
      return 1 / (1 + distance);
    case "dot_product":
      return -distance;
    default:
      return assertNever(metric);
  }
}

/**
 * The largest distance whose score is at least `minScore` (the inverse of `scoreOfDistance`), so
 * a score threshold becomes a distance condition inside the SQL; `Infinity` when any distance does.
 */
export function maxDistanceForScore(metric: MetricType, minScore: number): number {
  switch (metric) {
    case "cosine":
      return 1 - minScore;
    case "euclidean":
    case "manhattan":
      return minScore <= 0 ? Number.POSITIVE_INFINITY : 1 / minScore - 1;
    case "dot_product":
      return -minScore;
    default:
      return assertNever(metric);
  }
}
