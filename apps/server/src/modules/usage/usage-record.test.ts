import { describe, expect, it } from "vitest";
import { usageRecord } from "./testing/usage-fixtures.js";
import { toUsageRow, type UsageRecordInput } from "./usage-record.js";

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const long = (length: number) => "x".repeat(length);

/** Field values the schema refuses; each must be refused whichever check sees it first. */
const refused: Array<[keyof UsageRecordInput, unknown]> = [
  ["id", "not-a-uuid"],
  ["id", null],
  ["tenantId", ""],
  ["tenantId", "tenant 1"],
  ["tenantId", long(129)],
  ["tenantId", 1],
  ["spaceId", ""],
  ["spaceId", long(129)],
  ["userId", "user-1"],
  ["userId", null],
  ["apiKeyId", "key-1"],
  ["apiKeyId", undefined],
  ["applicationId", long(256)],
  ["applicationId", undefined],
  ["requestId", long(256)],
  ["requestId", null],
  ["endpoint", "completions"],
  ["protocol", "grpc"],
  ["requestedModel", long(256)],
  ["model", 42],
  ["provider", undefined],
  ["deploymentId", long(256)],
  ["inputTokens", -1],
  ["inputTokens", 1.5],
  ["inputTokens", Number.NaN],
  ["inputTokens", 2_147_483_648],
  ["cachedInputTokens", Number.POSITIVE_INFINITY],
  ["cacheWriteTokens", "3"],
  ["outputTokens", null],
  ["reasoningTokens", -0.5],
  ["costUsd", -0.01],
  ["costUsd", Number.NaN],
  ["costUsd", Number.POSITIVE_INFINITY],
  ["costUsd", 1e10],
  ["priceVersion", long(256)],
  ["estimated", "false"],
  ["latencyMs", -1],
  ["latencyMs", 2_147_483_648],
  ["overheadMs", Number.NaN],
  ["status", "ok"],
  ["httpStatus", 200.5],
  ["httpStatus", 1000],
  ["httpStatus", -1],
  ["errorCode", long(256)],
  ["cacheHit", 0],
  ["fallbackUsed", null],
  ["attemptCount", -1],
  ["stream", undefined],
  ["createdAt", new Date(Number.NaN)],
  ["createdAt", "2026-01-01T00:00:00Z"],
];

/** Edge values the schema accepts. */
const accepted: Array<[keyof UsageRecordInput, unknown]> = [
  ["id", "0190b2a4-6d3c-7e1f-8a2b-3c4d5e6f7a8b"],
  ["tenantId", `tenant_${long(121)}`],
  ["tenantId", "a.b:c-d_e"],
  ["spaceId", long(128)],
  ["apiKeyId", "0190B2A4-6D3C-7E1F-8A2B-3C4D5E6F7A8B"],
  ["applicationId", ""],
  ["requestId", long(255)],
  ["deploymentId", ""],
  ["inputTokens", 0],
  ["inputTokens", 2_147_483_647],
  ["costUsd", 0],
  ["costUsd", 1e9],
  ["latencyMs", 0.4],
  ["overheadMs", 0],
  ["httpStatus", 0],
  ["httpStatus", 999],
  ["priceVersion", null],
  ["errorCode", ""],
  ["guardrail", { pii: ["email"] }],
  ["guardrail", undefined],
  ["createdAt", new Date("2026-01-01T00:00:00Z")],
];

describe("toUsageRow", () => {
  it.each(refused)("refuses %s = %j, naming the field", (field, value) => {
    const record = { ...usageRecord(), [field]: value } as UsageRecordInput;
    expect(() => toUsageRow(record)).toThrow(TypeError);
    expect(() => toUsageRow(record)).toThrow(new RegExp(`\\b${field}\\b`));
  });

  it.each(accepted)("accepts %s = %j", (field, value) => {
    const record = { ...usageRecord(), [field]: value } as UsageRecordInput;
    const row = toUsageRow(record) as unknown as Record<string, unknown>;
    expect(row.tenant_id).toBe(record.tenantId);
  });

  it("mints ordered UUIDv7 ids and keeps a given one", () => {
    const ids = Array.from({ length: 2_000 }, () => toUsageRow(usageRecord()).id);
    for (const id of ids) expect(id).toMatch(uuidV7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const given = "0190b2a4-6d3c-7e1f-8a2b-3c4d5e6f7a8b";
    expect(toUsageRow(usageRecord({ id: given })).id).toBe(given);
  });

  it("maps fields to columns, empty deployment and price version to null", () => {
    const now = new Date("2026-03-04T05:06:07.890Z");
    const row = toUsageRow(usageRecord({ deploymentId: "", priceVersion: "", latencyMs: 12.6 }), now);
    expect(row).toMatchObject({
      deployment_id: null,
      price_version: null,
      latency_ms: 13,
      guardrail: null,
      created_at: "2026-03-04T05:06:07.890Z",
    });
  });
});
