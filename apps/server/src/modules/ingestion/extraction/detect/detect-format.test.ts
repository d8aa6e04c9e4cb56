import { deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildZip,
  deflatedEntry,
  LYING_EXTENSION_CASES,
  makeDocxZipBomb,
  makeEncryptedOfficeFile,
  makeLegacyWordFile,
  makeTinyPng,
} from "../../testing/fixtures/hostile-fixtures.js";
import { makeDocx, makeOdt, makePptx, makeRtf, makeXlsx } from "../../testing/fixtures/office-fixtures.js";
import {
  CSV_SEMICOLON,
  CSV_WITH_BOM,
  type FixtureDir,
  FRENCH_PLAIN_TEXT,
  HTML_WITH_HEADINGS,
  MARKDOWN_WITH_HEADINGS,
  makeFixtureDir,
  PLANTED_PII_TEXT,
} from "../../testing/fixtures/text-fixtures.js";
import type { DocumentFormat } from "../types.js";
import { detectFormat, mimeTypeOf } from "./detect-format.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

/** Writes the content under a name that says nothing, so only the bytes can decide. */
async function detect(content: string | Buffer, declaredName?: string): Promise<DocumentFormat | null> {
  const path = await fixtures.write(`upload-${Math.random().toString(36).slice(2)}.bin`, content);
  return detectFormat(path, declaredName);
}

describe("detectFormat", () => {
  it("recognises every office fixture by its content", async () => {
    expect(await detect(await makeDocx([{ heading: "H", paragraphs: ["p"] }]))).toBe("docx");
    expect(await detect(await makePptx([["slide"]]))).toBe("pptx");
    expect(await detect(await makeXlsx([{ name: "S", rows: [["a"], [1]] }]))).toBe("xlsx");
    expect(await detect(await makeOdt([{ paragraph: "x" }]))).toBe("odt");
    expect(await detect(makeRtf("hello"))).toBe("rtf");
    expect(await detect(makeTinyPng())).toBe("png");
  });

  it("recognises every text fixture by its content", async () => {
    expect(await detect(HTML_WITH_HEADINGS)).toBe("html");
    expect(await detect(MARKDOWN_WITH_HEADINGS)).toBe("markdown");
    expect(await detect(CSV_WITH_BOM)).toBe("csv");
    expect(await detect(CSV_SEMICOLON)).toBe("csv");
    expect(await detect(FRENCH_PLAIN_TEXT)).toBe("text");
    expect(await detect(PLANTED_PII_TEXT)).toBe("text");
  });

  it.each(LYING_EXTENSION_CASES)("believes the content, not the name $declaredName", async (lie) => {
    expect(await detect(lie.data, lie.declaredName)).toBe(lie.expected);
  });

  it("lets the name choose only among text subtypes", async () => {
    expect(await detect("plain words only", "notes.md")).toBe("markdown");
    expect(await detect("a,b\n1,2\n", "table.csv")).toBe("csv");
    expect(await detect(HTML_WITH_HEADINGS, "page.txt")).toBe("text");
    expect(await detect(makeTinyPng(), "image.md")).toBe("png");
    expect(await detect(Buffer.from([0, 1, 2, 3, 250, 251, 0, 7]), "notes.txt")).toBeNull();
  });

  it("reads UTF-16 with a BOM and Windows-1252 as text", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Bonjour à tous\n", "utf16le")]);
    expect(await detect(utf16)).toBe("text");
    expect(await detect(Buffer.from("Café crème, à côté\n", "latin1"))).toBe("text");
    expect(await detect("")).toBe("text");
  });

  it("answers null for unknown binary and for archives that are not documents", async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3)) % 256));
    expect(await detect(noise)).toBeNull();
    expect(await detect(buildZip([deflatedEntry("readme.txt", "hi")]))).toBeNull();
    expect(await detect(deflateRawSync(Buffer.from("compressed text")))).toBeNull();
    expect(await detect(makeLegacyWordFile(), "old.doc")).toBeNull();
  });

  it("reports an encrypted Office file under the format its name claims, so extraction can say why", async () => {
    expect(await detect(makeEncryptedOfficeFile(), "budget.xlsx")).toBe("xlsx");
    expect(await detect(makeEncryptedOfficeFile(), "deck.pptx")).toBe("pptx");
    expect(await detect(makeEncryptedOfficeFile())).toBe("docx");
  });

  it("detects a zip bomb as the DOCX it pretends to be without inflating it", async () => {
    expect(await detect(makeDocxZipBomb({ declaredSize: "lie" }))).toBe("docx");
  });

  it("detects XHTML as HTML", async () => {
    expect(
      await detect(
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>',
      ),
    ).toBe("html");
  });

  it("keeps text whose bytes happen to match a weak binary signature (MPEG-TS: 'G' at 0 and 188)", async () => {
    const line = "Greystone ferry guide. ".padEnd(188, "x");
    const text = `${line}Gangway rules: boarding closes ten minutes before departure.\n`.repeat(4);
    expect(text[0]).toBe("G");
    expect(text[188]).toBe("G");
    expect(await detect(text, "guide.txt")).toBe("text");
  });
});

describe("mimeTypeOf", () => {
  it("gives the canonical media type", () => {
    expect(mimeTypeOf("docx")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(mimeTypeOf("markdown")).toBe("text/markdown");
    expect(mimeTypeOf("jpeg")).toBe("image/jpeg");
  });
});
