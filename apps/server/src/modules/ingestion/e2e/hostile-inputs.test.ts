import { errorEnvelopeSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalSpace } from "../../content/testing/content-client.js";
import { HOSTILE_FILE_NAMES, makeDocxZipBomb, makeTinyPng } from "../testing/fixtures/hostile-fixtures.js";
import { makeCorruptPdf, makeEncryptedPdf } from "../testing/fixtures/pdf-fixtures.js";
import {
  type IngestionClient,
  type IngestionE2e,
  type NameEncoding,
  startIngestionE2e,
} from "../testing/ingestion-e2e.js";

let e2e: IngestionE2e;
let client: IngestionClient;
let heapAtStart = 0;

beforeAll(async () => {
  e2e = await startIngestionE2e();
  client = await e2e.newClient("hostile");
  heapAtStart = process.memoryUsage().heapUsed;
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

/** Uploads, waits for the outcome, and checks a failure is clean: a reason, no chunks. */
async function failsWith(data: Uint8Array, fileName: string, reason: RegExp) {
  const document = await client.settled((await client.uploadDocument(data, fileName)).id);
  expect(document.status).toBe("failed");
  expect(document.error).toMatch(reason);
  expect(document.chunk_count).toBe(0);
  expect(await client.chunks(document.id)).toEqual([]);
  return document;
}

describe("hostile uploads, end to end", { timeout: 90_000 }, () => {
  it("fails a corrupt PDF with a readable reason", async () => {
    await failsWith(
      makeCorruptPdf(),
      "broken.pdf",
      /^The file is not a readable PDF \(Invalid PDF structure\.\)\.$/,
    );
  });

  it("fails a password-protected PDF, saying so", async () => {
    await failsWith(
      makeEncryptedPdf(),
      "locked.pdf",
      /^The PDF is password-protected; remove the password and upload it again\.$/,
    );
  });

  it("refuses a zero-byte file with a 400", async () => {
    const reply = await client.upload(new Uint8Array(0), "empty.txt");
    expect(reply.status).toBe(400);
    expect(errorEnvelopeSchema.parse(reply.body).error).toMatchObject({
      code: "VALIDATION_ERROR",
      message: "The file is empty (0 bytes)",
    });
  });

  it("fails DOCX zip bombs without inflating them, whether their headers are honest or lie", async () => {
    await failsWith(
      makeDocxZipBomb(),
      "bomb.docx",
      /expands to 1\.1 GB, over the 512\.0 MB limit; it looks like a zip bomb/,
    );
    await failsWith(
      makeDocxZipBomb({ declaredSize: "lie" }),
      "bomb-lie.docx",
      /inflates to more than the 64\.0 KB it declares; it looks like a zip bomb/,
    );
  });

  it("goes by the content, not the extension", async () => {
    const png = await failsWith(makeTinyPng(), "holiday-notes.txt", /^No text was found in the image\.$/);
    expect(png).toMatchObject({ format: "png", mime_type: "image/png", name: "holiday-notes.txt" });

    const text = "This is plain text pretending to be a PDF.\nIt has two lines.\n";
    const document = await client.settled((await client.uploadDocument(text, "annual-report.pdf")).id);
    expect(document).toMatchObject({
      status: "processed",
      format: "text",
      mime_type: "text/plain",
      name: "annual-report.pdf",
    });
    expect((await client.chunks(document.id)).map((chunk) => chunk.content)).toEqual([text.trim()]);
  });

  const storedNames: ReadonlyArray<{
    readonly sent: string;
    readonly encoding?: NameEncoding;
    readonly field?: string;
    readonly stored: string;
  }> = [
    // Multipart parsing keeps only the last path segment of a file name.
    { sent: HOSTILE_FILE_NAMES.pathTraversal, stored: "passwd" },
    { sent: HOSTILE_FILE_NAMES.windowsPathTraversal, stored: "SAM" },
    { sent: HOSTILE_FILE_NAMES.absolutePath, stored: "shadow" },
    // The `name` field is not a path: its separators and `..` become `_`.
    { sent: "notes.txt", field: HOSTILE_FILE_NAMES.pathTraversal, stored: "____etc_passwd" },
    // Browsers percent-escape CR and LF; NUL, BEL and TAB arrive as they are.
    { sent: HOSTILE_FILE_NAMES.controlCharacters, stored: "invoice__%0D%0A_2024.pdf" },
    { sent: "nul\u0000bell\u0007tab\t.txt", encoding: "rfc5987", stored: "nul_bell_tab_.txt" },
    { sent: "del\u007fc1\u0085\u009b.txt", encoding: "rfc5987", stored: "del_c1__.txt" },
    { sent: HOSTILE_FILE_NAMES.rightToLeftOverride, stored: "report_fdp.exe" },
    { sent: HOSTILE_FILE_NAMES.veryLong, stored: `${"a".repeat(251)}.txt` },
    { sent: HOSTILE_FILE_NAMES.windowsReserved, stored: "CON.txt" },
    { sent: HOSTILE_FILE_NAMES.unicode, stored: HOSTILE_FILE_NAMES.unicode },
    { sent: HOSTILE_FILE_NAMES.unicode, encoding: "rfc5987", stored: HOSTILE_FILE_NAMES.unicode },
    { sent: HOSTILE_FILE_NAMES.decomposedUnicode, stored: HOSTILE_FILE_NAMES.decomposedUnicode },
  ];

  it("stores hostile names sanitized, and unicode names as they are, under the document's own key", async () => {
    const prefix = `${client.tenantId}/${personalSpace(client.account)}/documents/`;
    for (const [index, { sent, encoding, field, stored }] of storedNames.entries()) {
      const content = `Note number ${index} about file names.`;
      const document = await client.uploadDocument(content, sent, {
        ...(encoding ? { nameEncoding: encoding } : {}),
        ...(field ? { fields: { name: field } } : {}),
      });
      expect(document.name, JSON.stringify(sent)).toBe(stored);
      const key = await client.storageKey(document.id);
      const keyName = field ? sent : stored;
      expect(key).toBe(`${prefix}${document.id}/${keyName}`);
      expect(await e2e.instance.resources.objects.head(key)).toMatchObject({
        size: Buffer.byteLength(content),
      });
      expect((await client.settled(document.id)).status).toBe("processed");
    }
  });

  it("refuses a file part whose name carries a raw line break with a 400", async () => {
    const reply = await client.upload("Line breaks in names.", HOSTILE_FILE_NAMES.controlCharacters, {
      nameEncoding: "rfc5987",
    });
    expect(reply.status).toBe(400);
    expect(errorEnvelopeSchema.parse(reply.body).error.code).toBe("VALIDATION_ERROR");
  });

  it("still processes a normal upload afterwards, and the server's heap stayed bounded", async () => {
    const text = "After all that, an ordinary note about the weekly planning meeting.";
    const document = await client.settled((await client.uploadDocument(text, "weekly.txt")).id);
    expect(document).toMatchObject({ status: "processed", chunk_count: 1, language: "en" });
    const growthMb = (process.memoryUsage().heapUsed - heapAtStart) / 1024 / 1024;
    expect(growthMb).toBeLessThan(300);
  });
});
