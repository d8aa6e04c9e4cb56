import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../../platform/telemetry/logger.js";
import type { UsageRecordInput } from "../usage-record.js";

/** Test-only: a valid usage record, with any field overridden. */
export function usageRecord(overrides: Partial<UsageRecordInput> = {}): UsageRecordInput {
  return {
    tenantId: "tenant_1",
    spaceId: "space_1",
    userId: randomUUID(),
    apiKeyId: null,
    applicationId: null,
    requestId: `req_${randomUUID()}`,
    endpoint: "chat",
    protocol: "openai",
    requestedModel: "gpt-test",
    model: "gpt-test",
    provider: "openai",
    deploymentId: "openai-main",
    inputTokens: 10,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: 5,
    reasoningTokens: 0,
    costUsd: 0.001,
    priceVersion: "2026-01",
    estimated: false,
    latencyMs: 120,
    overheadMs: 0.3,
    status: "success",
    httpStatus: 200,
    errorCode: null,
    cacheHit: false,
    fallbackUsed: false,
    attemptCount: 1,
    guardrail: null,
    stream: false,
    ...overrides,
  };
}

/** Test-only: a logger whose JSON lines are kept for assertions. */
export function capturingLogger(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return {
    logger: createLogger("info", sink),
    lines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
