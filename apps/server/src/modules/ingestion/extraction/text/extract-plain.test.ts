import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSingleLineTextFile } from "../../testing/fixtures/hostile-fixtures.js";
import { type FixtureDir, FRENCH_PLAIN_TEXT, makeFixtureDir } from "../../testing/fixtures/text-fixtures.js";
import { defaultExtractionLimits, ExtractionFailure } from "../types.js";
import { extractPlainText } from "./extract-plain.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

describe("extractPlainText", () => {
  it("reads UTF-8 as one segment", async () => {
    const path = await fixtures.write("fr.txt", FRENCH_PLAIN_TEXT);
    const result = await extractPlainText(path, defaultExtractionLimits);
    expect(result.format).toBe("text");
    expect(result.text).toBe(FRENCH_PLAIN_TEXT);
    expect(result.segments).toEqual([{ start: 0, end: FRENCH_PLAIN_TEXT.length }]);
    expect(result.pageCount).toBe(1);
    expect(result.warnings).toEqual([]);
  });

  it("drops a UTF-8 BOM and normalises CRLF and lone CR to LF", async () => {
    const path = await fixtures.write("crlf.txt", "\uFEFFone\r\ntwo\rthree\r\n");
    expect((await extractPlainText(path, defaultExtractionLimits)).text).toBe("one\ntwo\nthree\n");
  });

  it("decodes UTF-16 LE and BE by their BOM", async () => {
    const text = "Grüße — 日本語\r\nline two";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    expect((await extractPlainText(await fixtures.write("le.txt", le), defaultExtractionLimits)).text).toBe(
      "Grüße — 日本語\nline two",
    );
    expect((await extractPlainText(await fixtures.write("be.txt", be), defaultExtractionLimits)).text).toBe(
      "Grüße — 日本語\nline two",
    );
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", async () => {
    const path = await fixtures.write("latin1.txt", Buffer.from("Café à côté – 20 €", "latin1"));
    const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]); // "Café €" in cp1252
    expect((await extractPlainText(path, defaultExtractionLimits)).text).toContain("Café à côté");
    expect(
      (await extractPlainText(await fixtures.write("cp.txt", latin1), defaultExtractionLimits)).text,
    ).toBe("Café €");
  });

  it("keeps a CRLF split across read chunks as one line break", async () => {
    const body = `${"a".repeat(1024 * 1024 - 1)}\r\nb`;
    // The first line spans a whole read chunk, so the line limit is raised past it.
    const limits = { ...defaultExtractionLimits, maxLineChars: 2 * 1024 * 1024 };
    const result = await extractPlainText(await fixtures.write("split.txt", body), limits);
    expect(result.text).toBe(`${"a".repeat(1024 * 1024 - 1)}\nb`);
  });

  it("cuts at maxTextChars with a warning", async () => {
    const path = await fixtures.write("long.txt", "0123456789".repeat(10));
    const result = await extractPlainText(path, { ...defaultExtractionLimits, maxTextChars: 25 });
    expect(result.text).toBe("0123456789012345678901234");
    expect(result.segments).toEqual([{ start: 0, end: 25 }]);
    expect(result.warnings[0]).toMatch(/cut at 25 characters/);
  });

  it("refuses a 50 MB single-line file as a dump, not a document, without blowing memory", async () => {
    const path = await writeSingleLineTextFile({ dir: fixtures.dir });
    const rssBefore = process.memoryUsage().rss;
    const failure = await extractPlainText(path, defaultExtractionLimits).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExtractionFailure);
    expect(failure).toMatchObject({ reason: "too_large" });
    expect((failure as Error).message).toMatch(/^Line 1 is longer than 1,000,000 characters/);
    // One-byte characters: the text is ~50 MB; reading it may cost a few times that, not more.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  });

  it("keeps long lines within the line limit, and names the first line past it", async () => {
    const path = await fixtures.write("lines.txt", `short\n${"a".repeat(40)}\n${"b".repeat(60)}\n`);
    const within = await extractPlainText(path, { ...defaultExtractionLimits, maxLineChars: 60 });
    expect(within.text.split("\n")[2]).toHaveLength(60);
    const failure = await extractPlainText(path, { ...defaultExtractionLimits, maxLineChars: 50 }).catch(
      (error: unknown) => error,
    );
    expect((failure as Error).message).toMatch(/^Line 3 is longer than 50 characters/);
  });

  it("says an empty or blank file has no text", async () => {
    const path = await fixtures.write("blank.txt", " \n\t\n");
    const failure = await extractPlainText(path, defaultExtractionLimits).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExtractionFailure);
    expect(failure).toMatchObject({ reason: "empty", message: "The document contains no text" });
  });
});
