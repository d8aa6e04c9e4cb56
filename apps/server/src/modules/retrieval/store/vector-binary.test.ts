import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../platform/sql/index.js";
import { openTestSql } from "../../../testing/test-sql.js";
import { encodeVectorArray, vectorTypeOid } from "./vector-binary.js";

// pgvector: PGlite has it (decision 0010).
let sql: Sql;
beforeAll(async () => {
  sql = await openTestSql("pglite");
});
afterAll(async () => {
  await sql?.close();
});

describe("vectors in binary", () => {
  it("reach pgvector as the float4 values they round to, in order", async () => {
    const vectors = [
      [0.1, -0.2, 1 / 3, 1e-8],
      [0, -0, 123456.789, -1],
      [Math.fround(0.7), 2 ** -20, -3.5, 42],
    ];
    const rows = await sql.withTenant("binary_vectors", async (tx) =>
      tx.query<{ values: string; dims: number }>(
        "SELECT v::text AS values, vector_dims(v) AS dims FROM unnest($1::vector[]) WITH ORDINALITY AS t(v, n) ORDER BY n",
        [encodeVectorArray(await vectorTypeOid(tx), vectors)],
      ),
    );
    expect(rows.map((row) => row.dims)).toEqual([4, 4, 4]);
    expect(rows.map((row) => (JSON.parse(row.values) as number[]).map(Math.fround))).toEqual(
      vectors.map((vector) => vector.map(Math.fround)),
    );
  });

  it("carries an empty batch", async () => {
    const [row] = await sql.withTenant("binary_vectors", async (tx) =>
      tx.query<{ n: number }>("SELECT cardinality($1::vector[]) AS n", [
        encodeVectorArray(await vectorTypeOid(tx), []),
      ]),
    );
    expect(row?.n).toBe(0);
  });
});
