import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../../testing/wait-for.js";
import { type IngestionClient, type IngestionE2e, startIngestionE2e } from "../testing/ingestion-e2e.js";
import { scriptedProcessingPool } from "../testing/scripted-pool.js";

// `agenda.txt` is processed normally; the worker of its second job (the reprocessing) dies.
const scripted = scriptedProcessingPool({ deathRules: [{ fileName: "agenda.txt", onTurns: [2] }] });
let e2e: IngestionE2e;
let client: IngestionClient;

beforeAll(async () => {
  e2e = await startIngestionE2e({ ingestionPool: scripted.pool });
  client = await e2e.newClient("crash-reprocess");
}, 120_000);

afterAll(async () => {
  await e2e?.close();
  await scripted.pool.close();
});

const agenda = Array.from(
  { length: 12 },
  (_, i) =>
    `Point ${i + 1}. The board will discuss the library renovation, the school transport contract ` +
    `and the spring festival, then vote on the budget lines that each of them needs.`,
).join("\n\n");

describe("a worker killed while reprocessing a document", { timeout: 90_000 }, () => {
  it("keeps the previous chunks, whole, until the retry replaces them all at once", async () => {
    const first = await client.settled((await client.uploadDocument(agenda, "agenda.txt")).id);
    expect(first.status).toBe("processed");
    const before = await client.chunks(first.id);
    expect(before.length).toBeGreaterThan(1);

    const res = await fetch(`${e2e.origin}/api/v1/documents/${first.id}/reprocess`, {
      method: "POST",
      headers: client.headers,
    });
    expect(res.status).toBe(202);
    await waitFor("the worker to die", () => scripted.deaths() === 1, 60_000);
    expect((await client.document(first.id)).status).toBe("processing");
    expect(await client.chunks(first.id)).toEqual(before);

    const document = await client.settled(first.id);
    expect(document).toMatchObject({ status: "processed", chunk_count: before.length });
    const after = await client.chunks(first.id);
    expect(after.map((chunk) => chunk.content)).toEqual(before.map((chunk) => chunk.content));
    expect(after.map((chunk) => chunk.id)).not.toEqual(before.map((chunk) => chunk.id));
    expect(await e2e.processingJob(first.id)).toMatchObject({ status: "completed", attempts: 2 });
  });
});
