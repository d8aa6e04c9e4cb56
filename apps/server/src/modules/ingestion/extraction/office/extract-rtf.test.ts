import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRtf } from "../../testing/fixtures/office-fixtures.js";
import { type FixtureDir, makeFixtureDir } from "../../testing/fixtures/text-fixtures.js";
import { defaultExtractionLimits } from "../types.js";
import { extractRtf } from "./extract-rtf.js";
import { rtfToText } from "./rtf-to-text.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

describe("extractRtf", () => {
  it("decodes code-page and unicode escapes and skips header destinations", async () => {
    const paragraphs = [
      "Café crème – “quoted” €5",
      "Ünïcödé: 日本語, Ελληνικά and 📄",
      "Braces {x}, a \\ backslash\tand a tab",
    ];
    const result = await extractRtf(
      await fixtures.write("doc.rtf", makeRtf(paragraphs)),
      defaultExtractionLimits,
    );
    expect(result.format).toBe("rtf");
    expect(result.text).toBe(paragraphs.join("\n"));
    expect(result.segments).toEqual([{ start: 0, end: result.text.length }]);
    for (const header of ["Helvetica", "Fixture title", "Tributary tests", "Tributary fixtures"]) {
      expect(result.text).not.toContain(header);
    }
  });

  it("calls something that is not RTF corrupt", async () => {
    const path = await fixtures.write("fake.rtf", "just some words {\\rtf1 later}");
    await expect(extractRtf(path, defaultExtractionLimits)).rejects.toMatchObject({ reason: "corrupt" });
  });
});

describe("rtfToText", () => {
  it("uses \\ansicpg for \\'hh bytes", () => {
    expect(rtfToText("{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2}").text).toBe("Привет");
  });

  it("uses a font's \\fcharset over the document code page", () => {
    const rtf =
      "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset161 Greek;}}\\f0 \\'e9 {\\f1 \\'e1\\'e2}}";
    expect(rtfToText(rtf).text).toBe("é αβ");
  });

  it("joins double-byte code pages and honours \\ucN fallbacks", () => {
    expect(rtfToText("{\\rtf1\\ansi\\ansicpg932 \\'93\\'fa\\'96\\'7b}").text).toBe("日本");
    expect(rtfToText("{\\rtf1\\uc2 \\u26085\\'93\\'fa\\u26412??!}").text).toBe("日本!");
    expect(rtfToText("{\\rtf1\\uc0 \\u-3913 x}").text).toBe("\uF0B7x");
  });

  it("skips ignorable destinations, field instructions, hidden text and binary data", () => {
    const rtf =
      '{\\rtf1{\\*\\unknown secret}{\\field{\\*\\fldinst HYPERLINK "x"}{\\fldrslt shown}} {\\v hidden}\\bin3 {}z ok\\line next\\par\\tab end}';
    expect(rtfToText(rtf).text).toBe("shown  ok\nnext\n\tend");
  });

  it("warns when groups are left open", () => {
    expect(rtfToText("{\\rtf1 cut short").warnings).toHaveLength(1);
  });
});
