import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeCorruptPdf,
  makeEncryptedPdf,
  makeImagePdf,
  makeLargeTextPdf,
  makeTextPdf,
} from "../../testing/fixtures/pdf-fixtures.js";
import { closeOcr } from "../ocr/ocr-service.js";
import { defaultExtractionLimits, ExtractionFailure, type ExtractionLimits } from "../types.js";
import { extractPdf } from "./extract-pdf.js";

let dir: string;
let counter = 0;

async function fileWith(bytes: Uint8Array): Promise<string> {
  counter += 1;
  const file = path.join(dir, `fixture-${counter}.pdf`);
  await writeFile(file, bytes);
  return file;
}

async function failureOf(promise: Promise<unknown>): Promise<ExtractionFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ExtractionFailure))
    throw new Error(`expected an ExtractionFailure, got ${String(error)}`);
  return error;
}

const noOcr: ExtractionLimits = { ...defaultExtractionLimits, ocr: { enabled: false, languages: ["eng"] } };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "extract-pdf-"));
});

afterAll(async () => {
  await closeOcr();
  await rm(dir, { recursive: true, force: true });
});

describe("extractPdf on text PDFs", () => {
  it("reads each page's lines in order, one segment per page with consistent offsets", async () => {
    const pages = [
      ["Quarterly report", "Revenue grew by 12 percent"],
      ["Second page heading", "Costs were flat"],
      ["Closing remarks on page three"],
    ];
    const result = await extractPdf(await fileWith(await makeTextPdf(pages)), noOcr);

    expect(result.format).toBe("pdf");
    expect(result.pageCount).toBe(3);
    expect(result.ocrPages).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.segments.map((segment) => segment.page)).toEqual([1, 2, 3]);
    for (const [index, segment] of result.segments.entries()) {
      expect(result.text.slice(segment.start, segment.end)).toBe(pages[index]?.join("\n"));
      expect(segment.ocr).toBeUndefined();
    }
    expect(result.text).toBe(pages.map((lines) => lines.join("\n")).join("\n\n"));
  });

  it("skips a blank page without a segment and keeps offsets right", async () => {
    const result = await extractPdf(
      await fileWith(await makeTextPdf([["Before the gap"], [], ["After the gap"]])),
      {
        ...defaultExtractionLimits,
      },
    );
    expect(result.pageCount).toBe(3);
    expect(result.text).toBe("Before the gap\n\nAfter the gap");
    expect(result.segments.map((segment) => segment.page)).toEqual([1, 3]);
    expect(result.ocrPages).toEqual([]);
  });

  it("cuts the text at maxTextChars with a warning", async () => {
    const file = await fileWith(await makeLargeTextPdf(5));
    const result = await extractPdf(file, { ...noOcr, maxTextChars: 1000 });
    expect(result.text.length).toBeLessThanOrEqual(1000);
    expect(result.text.length).toBeGreaterThan(900);
    expect(result.warnings.join(" ")).toMatch(/cut at 1000 characters/);
    const last = result.segments.at(-1);
    expect(last?.end).toBe(result.text.length);
  });

  it("refuses more pages than maxPages", async () => {
    const file = await fileWith(await makeTextPdf([["one page"], ["two pages"], ["three pages"]]));
    const failure = await failureOf(extractPdf(file, { ...noOcr, maxPages: 2 }));
    expect(failure.reason).toBe("too_large");
    expect(failure.message).toMatch(/3 pages/);
  });
});

describe("extractPdf on scanned PDFs", () => {
  it("OCRs pages that have no text layer", async () => {
    const file = await fileWith(
      await makeImagePdf([
        ["Scanned invoice number 4417", "Total amount due"],
        ["Elephants remember everything"],
      ]),
    );
    const result = await extractPdf(file, defaultExtractionLimits);

    expect(result.pageCount).toBe(2);
    expect(result.ocrPages).toEqual([1, 2]);
    expect(result.segments.map((segment) => [segment.page, segment.ocr])).toEqual([
      [1, true],
      [2, true],
    ]);
    const [first, second] = result.segments;
    expect(result.text.slice(first?.start, first?.end).toLowerCase()).toMatch(/invoice/);
    expect(result.text.slice(first?.start, first?.end)).toMatch(/4417/);
    expect(result.text.slice(second?.start, second?.end).toLowerCase()).toMatch(/elephants/);
  });

  it("fails as empty with a clear message when OCR is off", async () => {
    const file = await fileWith(await makeImagePdf([["Only pixels here"]]));
    const failure = await failureOf(extractPdf(file, noOcr));
    expect(failure.reason).toBe("empty");
    expect(failure.message).toMatch(/OCR is turned off/);
  });
});

describe("extractPdf on unreadable files", () => {
  it("reports a password-protected PDF as encrypted", async () => {
    const failure = await failureOf(extractPdf(await fileWith(makeEncryptedPdf()), defaultExtractionLimits));
    expect(failure.reason).toBe("encrypted");
    expect(failure.message).toMatch(/password/);
  });

  it("reports garbage after a PDF header as corrupt", async () => {
    const failure = await failureOf(extractPdf(await fileWith(makeCorruptPdf()), defaultExtractionLimits));
    expect(failure.reason).toBe("corrupt");
  });

  it("reports a truncated PDF as corrupt", async () => {
    const whole = await makeTextPdf([["Some text that will be cut off"]]);
    const failure = await failureOf(
      extractPdf(await fileWith(whole.subarray(0, 400)), defaultExtractionLimits),
    );
    expect(failure.reason).toBe("corrupt");
  });

  it("reports a zero-byte file as empty", async () => {
    const failure = await failureOf(extractPdf(await fileWith(new Uint8Array()), defaultExtractionLimits));
    expect(failure.reason).toBe("empty");
  });
});
