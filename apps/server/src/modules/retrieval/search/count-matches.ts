import type { SqlTx } from "../../../platform/sql/index.js";

/** Counting stops here: `total_found` is exact up to it and reported as this bound beyond. */
export const maxCountedMatches = 10_000;

/**
 * How many records satisfy a ranking query's conditions (spec §5.5 `total_found`: after filters and
 * thresholds, before top_k), or how many distinct `distinctKey`s (documents when grouping).
 */
export async function countMatches(
  tx: SqlTx,
  conditions: readonly string[],
  params: readonly unknown[],
  distinctKey: string | null,
): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT ${distinctKey ? `DISTINCT ${distinctKey}` : "1"} FROM dataset_vectors v
        WHERE ${conditions.join(" AND ")} LIMIT ${maxCountedMatches}) s`,
    params,
  );
  return row?.n ?? 0;
}
