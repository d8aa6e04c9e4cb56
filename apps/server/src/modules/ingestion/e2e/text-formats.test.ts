import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedHeadingPath } from "../testing/chunk-expectations.js";
import {
  CSV_ROWS,
  FRENCH_PLAIN_TEXT,
  makeCsv,
  PLANTED_PII,
  PLANTED_PII_TEXT,
} from "../testing/fixtures/text-fixtures.js";
import { type IngestionClient, type IngestionE2e, startIngestionE2e } from "../testing/ingestion-e2e.js";

let e2e: IngestionE2e;
let client: IngestionClient;

beforeAll(async () => {
  e2e = await startIngestionE2e({ env: { PII_POLICY: "redact" } });
  client = await e2e.newClient("text-formats");
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

const body = (word: string) => `${word} matters here. `.repeat(70).trim();
const manualSections = [
  { path: ["Manual"], pattern: /Manual|Overview/ },
  { path: ["Manual", "Setup"], pattern: /Setup/ },
  { path: ["Manual", "Maintenance"], pattern: /Maintenance/ },
];

describe("text uploads, end to end (PII policy: redact)", { timeout: 90_000 }, () => {
  it("processes a CSV with its schema_info and data-row numbers on the chunk", async () => {
    const document = await client.settled((await client.uploadDocument(makeCsv(CSV_ROWS), "people.csv")).id);
    expect(document).toMatchObject({
      status: "processed",
      format: "csv",
      mime_type: "text/csv",
      page_count: 1,
    });
    expect(document.schema_info).toEqual({
      sheets: [
        {
          name: "csv",
          columns: [
            { name: "Name", type: "string", non_empty: 4 },
            { name: "Age", type: "integer", non_empty: 4 },
            { name: "Member", type: "boolean", non_empty: 4 },
            { name: "Joined", type: "date", non_empty: 4 },
            { name: "Note", type: "string", non_empty: 3 },
          ],
          row_count: 4,
        },
      ],
    });
    const [chunk, ...rest] = await client.chunks(document.id);
    expect(rest).toEqual([]);
    // Rows 2–5: the header is row 1; the quoted line break inside row 3 does not shift the count.
    expect(chunk?.metadata).toMatchObject({ rows: [2, 5] });
    // One line per record, the header naming each value; names are redacted under this policy.
    expect(chunk?.content).toBe(
      [
        "Name: [REDACTED:PERSON]; Age: 36; Member: true; Joined: 1842-07-10; Note: First program",
        "Name: [REDACTED:PERSON]; Age: 85; Member: false; Joined: 1944-05-01; Note: Wrote COBOL",
        "Name: [REDACTED:PERSON]; Age: 41; Member: true; Joined: 1936-11-12; Note: Computable numbers, and more",
        "Name: [REDACTED:PERSON]; Age: 101; Member: true; Joined: 1953-06-15",
      ].join("\n"),
    );
    expect(chunk?.pii_counts).toEqual({ PERSON: 4 });
    // Each finding points at its placeholder in the chunk's content, for the document page to mark.
    expect(chunk?.pii_findings).toHaveLength(4);
    for (const finding of chunk?.pii_findings ?? []) {
      expect(finding.type).toBe("PERSON");
      expect(chunk?.content.slice(finding.start, finding.end)).toBe("[REDACTED:PERSON]");
    }
  });

  it("processes HTML, each chunk carrying the heading path of its section", async () => {
    const html =
      `<!DOCTYPE html><html lang="en"><head><title>Ignored</title><script>var x = "no";</script></head><body>` +
      `<h1>Manual</h1><p>${body("Overview")}</p><h2>Setup</h2><p>${body("Setup")}</p>` +
      `<h2>Maintenance</h2><p>${body("Maintenance")}</p></body></html>`;
    const document = await client.settled((await client.uploadDocument(html, "manual.html")).id);
    expect(document).toMatchObject({ status: "processed", format: "html", language: "en" });
    const chunks = await client.chunks(document.id);
    for (const chunk of chunks) {
      expect(chunk.content).not.toMatch(/Ignored|var x|<h1>|<p>/);
      expect(chunk.heading_path).toEqual(expectedHeadingPath(chunk.content, manualSections));
    }
    const paths = new Set(chunks.map((chunk) => chunk.heading_path.join(" > ")));
    expect(paths).toEqual(new Set(["Manual", "Manual > Setup", "Manual > Maintenance"]));
  });

  it("processes Markdown heading by heading: no chunk runs across sections", async () => {
    const markdown = `# Manual\n\n${body("Overview")}\n\n## Setup\n\n${body("Setup")}\n\n## Maintenance\n\n${body("Maintenance")}\n`;
    const document = await client.settled((await client.uploadDocument(markdown, "manual.md")).id);
    expect(document).toMatchObject({ status: "processed", format: "markdown", mime_type: "text/markdown" });
    const chunks = await client.chunks(document.id);
    for (const chunk of chunks) {
      expect(chunk.strategy).toBe("markdown");
      const touched = manualSections.filter((section) => section.pattern.test(chunk.content));
      expect(touched).toHaveLength(1);
      expect(chunk.heading_path).toEqual(touched[0]?.path);
    }
    expect(new Set(chunks.map((chunk) => chunk.heading_path.join(" > ")))).toEqual(
      new Set(["Manual", "Manual > Setup", "Manual > Maintenance"]),
    );
  });

  it("detects French, for the document and its chunks", async () => {
    const document = await client.settled((await client.uploadDocument(FRENCH_PLAIN_TEXT, "conseil.txt")).id);
    expect(document).toMatchObject({ status: "processed", format: "text", language: "fr" });
    expect(document.language_confidence).toBeGreaterThan(0.5);
    const chunks = await client.chunks(document.id);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(chunk.language).toBe("fr");
  });

  it("reports every planted PII finding and leaves none of the values in any chunk", async () => {
    const document = await client.settled((await client.uploadDocument(PLANTED_PII_TEXT, "customer.txt")).id);
    const types = [
      "CREDIT_CARD",
      "US_SSN",
      "EMAIL_ADDRESS",
      "PHONE_NUMBER",
      "IBAN",
      "IP_ADDRESS",
      "PERSON",
      "LOCATION",
    ];
    expect(document).toMatchObject({ status: "processed", sensitivity_level: "restricted" });
    expect(document.pii_summary).toEqual({
      pii_detected: true,
      redacted: true,
      counts: Object.fromEntries(types.map((type) => [type, 1])),
      types,
    });
    expect(document.compliance_flags).toEqual(expect.arrayContaining(["GDPR", "PCI"]));

    const chunks = await client.chunks(document.id);
    expect(chunks.length).toBeGreaterThan(0);
    const text = chunks.map((chunk) => chunk.content).join("\n");
    for (const value of Object.values(PLANTED_PII)) expect(text).not.toContain(value);
    // Digits alone would give a card or an SSN away too, whatever the spacing.
    const digits = text.replace(/\D/g, "");
    for (const value of [PLANTED_PII.creditCard, PLANTED_PII.ssn, PLANTED_PII.phone]) {
      expect(digits).not.toContain(value.replace(/\D/g, ""));
    }
    for (const type of types) expect(text).toContain(`[REDACTED:${type}]`);
    const perChunk: Record<string, number> = {};
    for (const chunk of chunks)
      for (const [type, n] of Object.entries(chunk.pii_counts)) perChunk[type] = (perChunk[type] ?? 0) + n;
    expect(Object.keys(perChunk).sort()).toEqual([...types].sort());
    // Every finding lies inside its chunk, on the placeholder of its own type.
    for (const chunk of chunks) {
      for (const finding of chunk.pii_findings) {
        expect(chunk.content.slice(finding.start, finding.end)).toBe(`[REDACTED:${finding.type}]`);
      }
    }
  });
});
