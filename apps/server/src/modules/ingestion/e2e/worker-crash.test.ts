import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../../testing/wait-for.js";
import { type IngestionClient, type IngestionE2e, startIngestionE2e } from "../testing/ingestion-e2e.js";
import { scriptedProcessingPool } from "../testing/scripted-pool.js";

// The first job for `minutes.txt` kills its worker thread after processing, before answering.
const scripted = scriptedProcessingPool({ deathRules: [{ fileName: "minutes.txt", onTurns: [1] }] });
let e2e: IngestionE2e;
let client: IngestionClient;

beforeAll(async () => {
  e2e = await startIngestionE2e({ ingestionPool: scripted.pool });
  client = await e2e.newClient("crash");
}, 120_000);

afterAll(async () => {
  await e2e?.close();
  await scripted.pool.close();
});

const minutes = Array.from(
  { length: 12 },
  (_, i) =>
    `Item ${i + 1}. The committee reviewed the harbour budget, the ferry timetable and the repairs ` +
    `to the north pier, and agreed to report back at the next meeting with revised figures.`,
).join("\n\n");

describe("a processing worker killed mid-document", { timeout: 90_000 }, () => {
  it("leaves no chunks visible, and the retry processes the document", async () => {
    const uploaded = await client.uploadDocument(minutes, "minutes.txt");
    await waitFor("the worker to die", () => scripted.deaths() === 1, 60_000);

    // Dead worker, retry pending: the document is still processing and shows nothing.
    const meanwhile = await client.document(uploaded.id);
    expect(meanwhile).toMatchObject({ status: "processing", chunk_count: 0, error: null });
    expect(await client.chunks(uploaded.id)).toEqual([]);

    const document = await client.settled(uploaded.id);
    expect(document).toMatchObject({ status: "processed", error: null, language: "en" });
    const chunks = await client.chunks(uploaded.id);
    expect(chunks.length).toBeGreaterThan(1);
    expect(document.chunk_count).toBe(chunks.length);
    expect(chunks.map((chunk) => chunk.chunk_index)).toEqual(chunks.map((_, index) => index));
    expect(chunks.map((chunk) => chunk.content).join(" ")).toContain("Item 12.");

    const job = await e2e.processingJob(uploaded.id);
    expect(job).toMatchObject({ status: "completed", attempts: 2 });
    expect(job.lastError).toContain("The processing worker stopped unexpectedly");
    expect(scripted.deaths()).toBe(1);
  });
});
