import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../platform/sql/index.js";
import { openTestSql } from "../../testing/test-sql.js";
import { decodeUsageRow, encodeUsageRow, usageColumns } from "./encode-usage-row.js";
import { usageRecord } from "./testing/usage-fixtures.js";
import { toUsageRow, type UsageRow } from "./usage-record.js";
import { sqlUsageWriter } from "./write-usage-batch.js";

let sql: Sql;
beforeAll(async () => {
  sql = await openTestSql();
});
afterAll(async () => {
  await sql?.close();
});

const everyField = () =>
  toUsageRow(
    usageRecord({
      tenantId: "tenant_codec",
      apiKeyId: randomUUID(),
      applicationId: 'app "quoted" ünïcode',
      cachedInputTokens: 3,
      cacheWriteTokens: 2,
      reasoningTokens: 1,
      costUsd: 0.0000001234,
      estimated: true,
      overheadMs: 0.125,
      status: "error",
      httpStatus: 502,
      errorCode: "upstream_error",
      cacheHit: true,
      fallbackUsed: true,
      attemptCount: 3,
      guardrail: { prompt: { action: "redact", entities: ["email"] } },
      stream: true,
    }),
  );
const fewestFields = () =>
  toUsageRow(
    usageRecord({ tenantId: "tenant_codec", deploymentId: null, priceVersion: null, guardrail: null }),
  );

async function stored(id: string): Promise<Record<string, unknown>> {
  const [row] = await sql.withSystem((tx) =>
    tx.query<Record<string, unknown>>(
      `SELECT ${usageColumns.map(([name]) => name).join(", ")}, cost_usd::text AS cost_text,
              guardrail IS NULL AS no_guardrail
       FROM usage_records WHERE id = $1`,
      [id],
    ),
  );
  if (!row) throw new Error(`usage row ${id} was not written`);
  return row;
}

describe("encoded usage rows", () => {
  it("list every column of the row, in order, and decode to the same row", () => {
    for (const row of [everyField(), fewestFields()]) {
      const encoded = encodeUsageRow(row);
      expect(JSON.parse(encoded)).toHaveLength(usageColumns.length);
      expect(decodeUsageRow(encoded)).toEqual(row);
    }
    expect(usageColumns.map(([name]) => name).sort()).toEqual(Object.keys(everyField()).sort());
  });

  it("are stored by the batch writer column for column, JSON nulls as SQL NULL", async () => {
    const full: UsageRow = everyField();
    const sparse: UsageRow = fewestFields();
    await sqlUsageWriter(sql)([encodeUsageRow(full), encodeUsageRow(sparse)]);

    const fullStored = await stored(full.id);
    expect(fullStored).toMatchObject({
      id: full.id,
      tenant_id: full.tenant_id,
      api_key_id: full.api_key_id,
      application_id: full.application_id,
      cached_input_tokens: 3,
      cache_write_tokens: 2,
      reasoning_tokens: 1,
      estimated: true,
      overhead_ms: 0.125,
      status: "error",
      http_status: 502,
      error_code: "upstream_error",
      cache_hit: true,
      fallback_used: true,
      attempt_count: 3,
      guardrail: full.guardrail,
      no_guardrail: false,
      stream: true,
      cost_text: "0.0000001234",
    });
    expect(new Date(fullStored.created_at as string).toISOString()).toBe(full.created_at);

    const sparseStored = await stored(sparse.id);
    expect(sparseStored).toMatchObject({
      api_key_id: null,
      application_id: null,
      deployment_id: null,
      price_version: null,
      error_code: null,
      no_guardrail: true,
    });
  });
});
