import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderTextPng } from "../testing/fixtures/image-fixtures.js";
import { makeImagePdf } from "../testing/fixtures/pdf-fixtures.js";
import { type IngestionClient, type IngestionE2e, startIngestionE2e } from "../testing/ingestion-e2e.js";

let e2e: IngestionE2e;
let client: IngestionClient;

beforeAll(async () => {
  e2e = await startIngestionE2e();
  client = await e2e.newClient("ocr");
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

describe("scanned documents, end to end (OCR)", { timeout: 90_000 }, () => {
  it("reads a PDF whose pages are pictures of text, keeping page numbers", async () => {
    const pdf = await makeImagePdf([
      ["Invoice for the harbour works", "Total due within thirty days"],
      ["Second page of the scan", "Payment received with thanks"],
    ]);
    const document = await client.settled((await client.uploadDocument(pdf, "scan.pdf")).id);
    expect(document).toMatchObject({
      status: "processed",
      format: "pdf",
      page_count: 2,
      language: "en",
      error: null,
    });
    const chunks = await client.chunks(document.id);
    expect(chunks.length).toBeGreaterThan(0);
    const text = chunks.map((chunk) => chunk.content).join("\n");
    expect(text).toMatch(/Invoice for the harbour works/i);
    expect(text).toMatch(/Payment received with thanks/i);
    for (const chunk of chunks) {
      expect(chunk.metadata).toMatchObject({ ocr: true });
      if (/Invoice/i.test(chunk.content)) expect(chunk.pages).toContain(1);
      if (/Payment/i.test(chunk.content)) expect(chunk.pages).toContain(2);
      expect(chunk.page_number).toBe(chunk.pages[0]);
    }
    expect([...new Set(chunks.flatMap((chunk) => chunk.pages))]).toEqual([1, 2]);
  });

  it("reads a PNG of text", async () => {
    const png = renderTextPng(["The quick brown fox", "jumps over the lazy dog"]);
    const document = await client.settled((await client.uploadDocument(png, "note.png")).id);
    expect(document).toMatchObject({
      status: "processed",
      format: "png",
      mime_type: "image/png",
      page_count: 1,
      language: "en",
    });
    const chunks = await client.chunks(document.id);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.content).toMatch(/quick brown fox\s+jumps over the lazy dog/i);
    // A single image has no pages to name.
    expect(chunks[0]).toMatchObject({ metadata: { ocr: true }, pages: [], page_number: null });
  });
});
