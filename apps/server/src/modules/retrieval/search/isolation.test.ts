import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import type { RetrievalDeps } from "../deps.js";
import { type DatasetRow, requireDataset } from "../store/index.js";
import { axis, callerOf, newTenantId } from "../testing/retrieval-callers.js";
import { idsOf, recordId, search, seedDataset } from "../testing/search-fixtures.js";
import { createTestEmbeddings } from "../testing/test-embeddings.js";
import { parseSearchPlan, type SearchMode, searchDataset } from "./index.js";

let sql: Sql;
let deps: RetrievalDeps;

beforeAll(async () => {
  sql = await openTestSql("pglite");
  deps = { sql, embeddings: createTestEmbeddings(), logger: createLogger("silent") };
});
afterAll(async () => {
  await sql?.close();
});

const x = [0.3, -0.1, 0.7, 0.2, 0.1, -0.4, 0.25, 0.05];
const modes: SearchMode[] = ["vector", "text", "hybrid"];

function datasetOf(tenantId: string, name: string): Promise<DatasetRow> {
  return sql.withTenant(tenantId, (tx) => requireDataset(tx, tenantId, name, deps.embeddings.defaultModel));
}

describe("tenant isolation inside the query (issue 5 acceptance, G21)", () => {
  it("tenant B never sees tenant A's record, even searching A's exact vector with top_k 1000", async () => {
    const a = callerOf(newTenantId());
    const b = callerOf(newTenantId());
    for (const index_type of ["flat", "hnsw"]) {
      const name = `kb-${index_type}`;
      await seedDataset(
        deps,
        a,
        name,
        [{ id: recordId(1), document_id: "a", values: x, content: "merger plans" }],
        {
          index_type,
        },
      );
      await seedDataset(
        deps,
        b,
        name,
        Array.from({ length: 20 }, (_, index) => ({
          id: recordId(100 + index),
          document_id: "b",
          values: axis(8, index % 8, 1 + index),
          content: "plans",
        })),
        { index_type },
      );
      for (const mode of modes) {
        const request = { query_vector: x, query_text: "merger plans", top_k: 1000 };
        const response = await search(deps, b, name, mode, request);
        expect(response.results).toHaveLength(20);
        expect(idsOf(response)).not.toContain(recordId(1));
        expect(response.results.every((result) => result.vector.tenant_id === b.space.tenantId)).toBe(true);
        expect(idsOf(await search(deps, a, name, mode, request))).toEqual([recordId(1)]);
      }
    }
    await seedDataset(deps, a, "only-a", [{ document_id: "a", values: x }]);
    await expect(search(deps, b, "only-a", "vector", { query_vector: x, top_k: 1000 })).rejects.toMatchObject(
      {
        code: "DATASET_NOT_FOUND",
      },
    );
  });

  it("finds nothing when a search names another tenant's dataset row", async () => {
    const a = callerOf(newTenantId());
    const b = callerOf(newTenantId());
    await seedDataset(deps, a, "kb", [{ document_id: "a", values: x, content: "merger plans" }]);
    const foreign = await datasetOf(a.space.tenantId, "kb");
    for (const mode of modes) {
      const plan = parseSearchPlan({ query_vector: x, query_text: "merger", top_k: 1000 }, mode);
      const response = await searchDataset(deps, mode, {
        tenantId: b.space.tenantId,
        dataset: foreign,
        plan,
      });
      expect(response.results).toEqual([]);
      expect(response.total_found).toBe(0);
    }
  });
});

describe("an extra condition before ranking (for space search)", () => {
  it("narrows every mode inside the query and still fills top_k", async () => {
    const caller = callerOf(newTenantId());
    const records = Array.from({ length: 300 }, (_, index) => ({
      id: recordId(index + 1),
      document_id: `doc-${index}`,
      values: [Math.cos(index / 50), Math.sin(index / 50), 0, 0, 0, 0, 0, (index % 5) / 10],
      content: `report number ${index}`,
      metadata: { space_id: index % 30 === 29 ? "space_2" : "space_1" },
    }));
    await seedDataset(deps, caller, "spaces", records, { index_type: "hnsw" });
    const dataset = await datasetOf(caller.space.tenantId, "spaces");
    const inSpace2 = (params: unknown[]) => {
      params.push("space_2");
      return `v.space_id = $${params.length}`;
    };
    for (const mode of modes) {
      const plan = parseSearchPlan({ query_vector: axis(8, 0), query_text: "report", top_k: 5 }, mode);
      const response = await searchDataset(deps, mode, {
        tenantId: caller.space.tenantId,
        dataset,
        plan,
        extraCondition: inSpace2,
      });
      expect(response.results).toHaveLength(5);
      expect(response.results.every((result) => result.vector.metadata?.space_id === "space_2")).toBe(true);
      expect(response.total_found).toBe(10);
    }
  });
});
