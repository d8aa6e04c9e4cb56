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
  // A smaller chunk cap than the default keeps the test short; the cap path is the same.
  e2e = await startIngestionE2e({ env: { MAX_CHUNKS_PER_FILE: "300" } });
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
  it("streams in, keeps the first chunks with a readable account of what was left out, and stays bounded", async () => {
    const uploaded = await client.uploadDocument({ path: hugeLine }, "one-line.txt");
    expect(uploaded).toMatchObject({ size_bytes: fiftyMiB, format: "text", processing_tier: "tier2" });

    const document = await client.settled(uploaded.id, 140_000);
    expect(document).toMatchObject({ status: "processed", format: "text", language: "la", chunk_count: 300 });
    expect(document.error).toBe(
      "Warnings: The text was cut at 50,000,000 characters; the rest of the document was not extracted; " +
        "Only the first 300 chunks were kept (max_chunks_per_file)",
    );
    const chunks = await client.chunks(document.id);
    expect(chunks).toHaveLength(300);
    for (const chunk of chunks) {
      expect(chunk.char_count).toBeLessThanOrEqual(1000);
      expect(chunk.content).toMatch(/^[a-z ]+$/);
    }
    expect(chunks.at(-1)?.end_offset).toBeLessThan(300 * 1000);

    const growthMb = (process.memoryUsage().heapUsed - heapAtStart) / 1024 / 1024;
    expect(growthMb).toBeLessThan(300);

    const after = await client.settled(
      (await client.uploadDocument("A short note after the long one.", "note.txt")).id,
    );
    expect(after).toMatchObject({ status: "processed", chunk_count: 1 });
  });
});
