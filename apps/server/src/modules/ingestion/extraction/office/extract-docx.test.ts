import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeDocxWithGarbledDocument,
  makeDocxZipBomb,
  makeEncryptedOfficeFile,
  truncateZip,
} from "../../testing/fixtures/hostile-fixtures.js";
import { makeDocx } from "../../testing/fixtures/office-fixtures.js";
import { type FixtureDir, makeFixtureDir } from "../../testing/fixtures/text-fixtures.js";
import { segmentProblems } from "../text/segment-problems.js";
import { defaultExtractionLimits, ExtractionFailure } from "../types.js";
import { extractDocx } from "./extract-docx.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ExtractionFailure))
    throw new Error(`expected an ExtractionFailure, got ${String(error)}`);
  return error.reason;
}

describe("extractDocx", () => {
  it("gives Word heading styles as heading paths, lists as lines and tables as tab-separated rows", async () => {
    const docx = await makeDocx([
      { paragraphs: ["Before any heading."] },
      { heading: "Introduction", level: 1, paragraphs: ["Hello world.", "Second paragraph."] },
      {
        heading: "Details",
        level: 2,
        bullets: ["one", "two"],
        table: [
          ["Key", "Value"],
          ["port", "8080"],
        ],
      },
      { heading: "Summary", level: 1, paragraphs: ["The end."] },
    ]);
    const result = await extractDocx(await fixtures.write("doc.docx", docx), defaultExtractionLimits);
    expect(result.format).toBe("docx");
    expect(result.text).toBe(
      "Before any heading.\n\nIntroduction\n\nHello world.\n\nSecond paragraph.\n\nDetails\n\n- one\n- two\n\nKey\tValue\nport\t8080\n\nSummary\n\nThe end.",
    );
    expect(segmentProblems(result.text, result.segments)).toEqual([]);
    expect(
      result.segments.map((segment) => [segment.headingPath, result.text.slice(segment.start, segment.end)]),
    ).toEqual([
      [[], "Before any heading."],
      [["Introduction"], "Introduction\n\nHello world.\n\nSecond paragraph."],
      [["Introduction", "Details"], "Details\n\n- one\n- two\n\nKey\tValue\nport\t8080"],
      [["Summary"], "Summary\n\nThe end."],
    ]);
  });

  it("refuses a zip bomb as too large, quickly and without inflating it into memory", async () => {
    const path = await fixtures.write("bomb.docx", makeDocxZipBomb());
    const rssBefore = process.memoryUsage().rss;
    expect(await reasonOf(extractDocx(path, defaultExtractionLimits))).toBe("too_large");
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it("refuses a zip bomb that lies about its size before mammoth sees it", async () => {
    const path = await fixtures.write("liar.docx", makeDocxZipBomb({ declaredSize: "lie" }));
    expect(await reasonOf(extractDocx(path, defaultExtractionLimits))).toBe("too_large");
  });

  it("calls truncated and garbled documents corrupt", async () => {
    const valid = await makeDocx([{ paragraphs: ["Some text to cut."] }]);
    expect(
      await reasonOf(
        extractDocx(await fixtures.write("cut.docx", truncateZip(valid)), defaultExtractionLimits),
      ),
    ).toBe("corrupt");
    expect(
      await reasonOf(
        extractDocx(
          await fixtures.write("garbled.docx", makeDocxWithGarbledDocument()),
          defaultExtractionLimits,
        ),
      ),
    ).toBe("corrupt");
  });

  it("says a password-protected file is encrypted", async () => {
    const path = await fixtures.write("secret.docx", makeEncryptedOfficeFile());
    await expect(extractDocx(path, defaultExtractionLimits)).rejects.toMatchObject({
      reason: "encrypted",
      message: expect.stringContaining("password-protected Office file"),
    });
  });

  it("says a document without text is empty", async () => {
    const path = await fixtures.write("empty.docx", await makeDocx([{ paragraphs: ["", " "] }]));
    await expect(extractDocx(path, defaultExtractionLimits)).rejects.toMatchObject({
      reason: "empty",
      message: "The document contains no text",
    });
  });
});
