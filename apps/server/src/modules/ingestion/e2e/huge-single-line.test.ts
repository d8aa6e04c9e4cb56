import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSingleLineTextFile } from "../testing/fixtures/hostile-fixtures.js";
import { type FixtureDir, makeFixtureDir } from "../testing/fixtures/text-fixtures.js";
import { type IngestionClient, type IngestionE2e, startIngestionE2e } from "../testing/ingestion-e2e.js";

const fiftyMiB = 50 * 1024 * 1024;
let e2e: IngestionE2e;
let client: IngestionClient;
let fixtures: FixtureDir;
let hugeLine: string;
let heapAtStart = 0;

beforeAll(async () => {
  e2e = await startIngestionE2e();
  client = await e2e.newClient("huge-line");
  fixtures = await makeFixtureDir();
  hugeLine = await writeSingleLineTextFile({ bytes: fiftyMiB, dir: fixtures.dir });
  heapAtStart = process.memoryUsage().heapUsed;
}, 120_000);

afterAll(async () => {
  await e2e?.close();
  await fixtures?.cleanup();
});

describe("a text file that is one 50 MB line", { timeout: 150_000 }, () => {
  it("ends as a clean failed document that says why, with the worker healthy and memory bounded", async () => {
    const uploaded = await client.uploadDocument({ path: hugeLine }, "one-line.txt");
    expect(uploaded).toMatchObject({ size_bytes: fiftyMiB, format: "text", processing_tier: "tier2" });

    const document = await client.settled(uploaded.id, 140_000);
    expect(document).toMatchObject({ status: "failed", chunk_count: 0 });
    expect(document.error).toMatch(
      /^Line 1 is longer than 1,000,000 characters: this looks like a data dump/,
    );
    expect(await client.chunks(document.id)).toHaveLength(0);

    const growthMb = (process.memoryUsage().heapUsed - heapAtStart) / 1024 / 1024;
    expect(growthMb).toBeLessThan(300);

    const after = await client.settled(
      (await client.uploadDocument("A short note after the long one.", "note.txt")).id,
    );
    expect(after).toMatchObject({ status: "processed", chunk_count: 1 });
  });
});
