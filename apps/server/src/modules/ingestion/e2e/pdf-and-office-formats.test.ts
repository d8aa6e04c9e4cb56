import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chunkSlides,
  expectedHeadingPath,
  markedLines,
  markerNumbers,
} from "../testing/chunk-expectations.js";
import { makeDocx, makePptx, makeXlsx } from "../testing/fixtures/office-fixtures.js";
import { makeTextPdf } from "../testing/fixtures/pdf-fixtures.js";
import { type IngestionClient, type IngestionE2e, startIngestionE2e } from "../testing/ingestion-e2e.js";

let e2e: IngestionE2e;
let client: IngestionClient;

beforeAll(async () => {
  e2e = await startIngestionE2e();
  client = await e2e.newClient("formats");
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

describe("PDF and Office uploads, end to end", { timeout: 90_000 }, () => {
  it("processes a three-page PDF, each chunk naming the pages its text comes from", async () => {
    const pages = [1, 2, 3].map((n) => markedLines("Page", n, 30, "the harbour project kept its schedule."));
    const uploaded = await client.uploadDocument(await makeTextPdf(pages), "harbour-report.pdf");
    expect(uploaded).toMatchObject({ status: "processing", format: "pdf", mime_type: "application/pdf" });

    const document = await client.settled(uploaded.id);
    expect(document).toMatchObject({
      status: "processed",
      format: "pdf",
      page_count: 3,
      language: "en",
      error: null,
      pii_summary: { pii_detected: false, counts: {}, types: [], redacted: false },
      sensitivity_level: "public",
    });
    const chunks = await client.chunks(document.id);
    expect(document.chunk_count).toBe(chunks.length);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) {
      const marked = markerNumbers(chunk.content, /Page (\d+) line/);
      expect(marked.length).toBeGreaterThan(0);
      expect(chunk.pages).toEqual(marked);
      expect(chunk.page_number).toBe(marked[0]);
      expect(chunk.token_count).toBeGreaterThan(0);
    }
    expect([...new Set(chunks.flatMap((chunk) => chunk.pages))]).toEqual([1, 2, 3]);
    expect(chunks.map((chunk) => chunk.chunk_index)).toEqual(chunks.map((_, index) => index));
  });

  it("processes a DOCX with headings, each chunk carrying the heading path of its section", async () => {
    const body = (word: string) => `${word} matters here. `.repeat(70).trim();
    const docx = await makeDocx([
      { heading: "Guide", level: 1, paragraphs: [body("Introduction")] },
      { heading: "Install", level: 2, paragraphs: [body("Installing")] },
      { heading: "Usage", level: 2, paragraphs: [body("Using")] },
    ]);
    const document = await client.settled((await client.uploadDocument(docx, "guide.docx")).id);
    expect(document).toMatchObject({
      status: "processed",
      format: "docx",
      mime_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      language: "en",
    });
    const chunks = await client.chunks(document.id);
    const sections = [
      { path: ["Guide"], pattern: /Guide|Introduction/ },
      { path: ["Guide", "Install"], pattern: /Install/ },
      { path: ["Guide", "Usage"], pattern: /Usage|Using/ },
    ];
    for (const chunk of chunks) {
      expect(chunk.heading_path).toEqual(expectedHeadingPath(chunk.content, sections));
    }
    const paths = new Set(chunks.map((chunk) => chunk.heading_path.join(" > ")));
    expect(paths).toEqual(new Set(["Guide", "Guide > Install", "Guide > Usage"]));
  });

  it("processes a PPTX, each chunk naming its slides", async () => {
    const slides = [1, 2, 3].map((n) =>
      markedLines("Slide", n, 8, "revenue and hiring plans for the next quarter."),
    );
    const document = await client.settled(
      (await client.uploadDocument(await makePptx(slides), "plan.pptx")).id,
    );
    expect(document).toMatchObject({ status: "processed", format: "pptx", page_count: 3, language: "en" });
    const chunks = await client.chunks(document.id);
    for (const chunk of chunks) {
      expect(chunkSlides(chunk)).toEqual(markerNumbers(chunk.content, /Slide (\d+) line/));
      expect(chunk.metadata).toMatchObject({ slide: markerNumbers(chunk.content, /Slide (\d+) line/)[0] });
    }
    expect([...new Set(chunks.flatMap(chunkSlides))]).toEqual([1, 2, 3]);
  });

  it("processes an XLSX: schema_info per sheet, and sheet and row numbers on chunks", async () => {
    const orders = Array.from({ length: 30 }, (_, i) => [
      `ORD-${i + 2}`,
      (i % 7) + 1,
      new Date(Date.UTC(2024, 0, i + 1)),
      i % 2 === 0,
    ]);
    const xlsx = await makeXlsx([
      { name: "Orders", rows: [["Order", "Quantity", "Shipped", "Paid"], ...orders] },
      {
        name: "Stock",
        rows: [
          ["Item", "Count"],
          ["Bolts", 1200],
          ["Washers", 800],
          ["Brackets", 35.5],
        ],
      },
    ]);
    const document = await client.settled((await client.uploadDocument(xlsx, "orders.xlsx")).id);
    expect(document).toMatchObject({ status: "processed", format: "xlsx", page_count: 2 });
    expect(document.schema_info).toEqual({
      sheets: [
        {
          name: "Orders",
          columns: [
            { name: "Order", type: "string", non_empty: 30 },
            { name: "Quantity", type: "integer", non_empty: 30 },
            { name: "Shipped", type: "date", non_empty: 30 },
            { name: "Paid", type: "boolean", non_empty: 30 },
          ],
          row_count: 30,
        },
        {
          name: "Stock",
          columns: [
            { name: "Item", type: "string", non_empty: 3 },
            { name: "Count", type: "number", non_empty: 3 },
          ],
          row_count: 3,
        },
      ],
    });
    const chunks = await client.chunks(document.id);
    for (const chunk of chunks) {
      const meta = chunk.metadata as { sheet?: string; sheets?: string[]; rows?: [number, number] };
      // Each order sits in the spreadsheet row its number names (row 1 is the header).
      const rows = markerNumbers(chunk.content, /ORD-(\d+)/);
      const first = rows[0];
      const last = rows.at(-1);
      if (first !== undefined && last !== undefined && !chunk.content.includes("Washers")) {
        expect(meta.sheet).toBe("Orders");
        // A chunk may open with the tail of the row before its first full order (the overlap).
        expect(meta.rows?.[0]).toBeGreaterThanOrEqual(first - 1);
        expect(meta.rows?.[0]).toBeLessThanOrEqual(first);
        expect(meta.rows?.[1]).toBe(last);
      }
      if (chunk.content.includes("Washers")) expect(meta.sheets ?? [meta.sheet]).toContain("Stock");
    }
    expect(chunks.some((chunk) => chunk.content.includes("ORD-31"))).toBe(true);
  });
});
