import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildZip,
  deflatedEntry,
  makeDocxWithGarbledDocument,
  makeDocxZipBomb,
  makeEncryptedOfficeFile,
  makeLegacyWordFile,
  makeZipWithManyEntries,
  truncateZip,
} from "../../testing/fixtures/hostile-fixtures.js";
import { makeDocx } from "../../testing/fixtures/office-fixtures.js";
import { type FixtureDir, makeFixtureDir } from "../../testing/fixtures/text-fixtures.js";
import { defaultExtractionLimits, ExtractionFailure } from "../types.js";
import { openSafeZip } from "./safe-zip.js";
import { MAX_ZIP_ENTRIES, readZipDirectory } from "./zip-directory.js";
import { assertZipIsSafe } from "./zip-safety.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

async function failureOf(promise: Promise<unknown>): Promise<ExtractionFailure> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ExtractionFailure))
    throw new Error(`expected an ExtractionFailure, got ${String(error)}`);
  return error;
}

describe("assertZipIsSafe", () => {
  it("accepts a real DOCX and lists its parts", async () => {
    const path = await fixtures.write("ok.docx", await makeDocx([{ heading: "Hi", paragraphs: ["there"] }]));
    const directory = await assertZipIsSafe(path, defaultExtractionLimits);
    expect(directory.entries.map((entry) => entry.name)).toContain("word/document.xml");
  });

  it("refuses a zip bomb from its declared sizes without inflating it", async () => {
    const path = await fixtures.write("bomb.docx", makeDocxZipBomb());
    const rssBefore = process.memoryUsage().rss;
    const failure = await failureOf(assertZipIsSafe(path, defaultExtractionLimits));
    expect(failure.reason).toBe("too_large");
    expect(failure.message).toMatch(/looks like a zip bomb/);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it("refuses a zip bomb whose declared size lies, while inflating, with flat memory", async () => {
    const path = await fixtures.write("liar.docx", makeDocxZipBomb({ declaredSize: "lie" }));
    const rssBefore = process.memoryUsage().rss;
    const failure = await failureOf(assertZipIsSafe(path, defaultExtractionLimits));
    expect(failure.reason).toBe("too_large");
    expect(failure.message).toMatch(/inflates to more than .* it declares; it looks like a zip bomb/);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it("refuses an entry over the compression-ratio limit", async () => {
    const path = await fixtures.write("ratio.docx", makeDocxZipBomb({ inflatedMiB: 4 }));
    const failure = await failureOf(assertZipIsSafe(path, defaultExtractionLimits));
    expect(failure.reason).toBe("too_large");
    expect(failure.message).toMatch(/over the 200:1 limit/);
  });

  it("refuses archives with too many entries before reading them", async () => {
    const path = await fixtures.write("many.zip", makeZipWithManyEntries(MAX_ZIP_ENTRIES + 1));
    const failure = await failureOf(readZipDirectory(path));
    expect(failure.reason).toBe("too_large");
  });

  it("calls a truncated archive corrupt", async () => {
    const valid = await makeDocx([{ paragraphs: ["text"] }]);
    const path = await fixtures.write("truncated.docx", truncateZip(valid));
    expect((await failureOf(assertZipIsSafe(path, defaultExtractionLimits))).reason).toBe("corrupt");
  });

  it("calls garbage deflate data corrupt", async () => {
    const path = await fixtures.write("garbled.docx", makeDocxWithGarbledDocument());
    expect((await failureOf(assertZipIsSafe(path, defaultExtractionLimits))).reason).toBe("corrupt");
  });

  it("says a password-protected Office file is encrypted", async () => {
    const path = await fixtures.write("secret.docx", makeEncryptedOfficeFile());
    const failure = await failureOf(assertZipIsSafe(path, defaultExtractionLimits));
    expect(failure.reason).toBe("encrypted");
    expect(failure.message).toContain("password-protected Office file");
  });

  it("says a legacy binary Office file is unsupported", async () => {
    const path = await fixtures.write("old.doc", makeLegacyWordFile());
    expect((await failureOf(assertZipIsSafe(path, defaultExtractionLimits))).reason).toBe("unsupported");
  });
});

describe("openSafeZip", () => {
  it("reads parts by name, case-insensitively, and answers null for missing ones", async () => {
    const path = await fixtures.write(
      "parts.zip",
      buildZip([deflatedEntry("Content.xml", "<a>é</a>"), deflatedEntry("b.txt", "bee")]),
    );
    const zip = await openSafeZip(path, defaultExtractionLimits);
    expect(zip.names).toEqual(["Content.xml", "b.txt"]);
    expect(await zip.readText("content.xml")).toBe("<a>é</a>");
    expect(await zip.readText("missing.xml")).toBeNull();
  });

  it("stops reading a part that inflates past what it declared", async () => {
    const path = await fixtures.write(
      "liar-parts.docx",
      makeDocxZipBomb({ declaredSize: "lie", inflatedMiB: 8 }),
    );
    const zip = await openSafeZip(path, defaultExtractionLimits);
    const failure = await failureOf(zip.readText("word/document.xml"));
    expect(failure.reason).toBe("too_large");
  });
});
