import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDocxZipBomb } from "../../testing/fixtures/hostile-fixtures.js";
import { makePptx } from "../../testing/fixtures/office-fixtures.js";
import { type FixtureDir, makeFixtureDir } from "../../testing/fixtures/text-fixtures.js";
import { segmentProblems } from "../text/segment-problems.js";
import { defaultExtractionLimits } from "../types.js";
import { extractPptx } from "./extract-pptx.js";
import { slideLines } from "./pptx-slide-text.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

describe("extractPptx", () => {
  it("gives one segment per slide in order, with paragraphs as lines and speaker notes", async () => {
    const slides = [
      ["Quarterly review", "Revenue & costs"],
      [],
      ...Array.from({ length: 10 }, (_, i) => [`Slide ${i + 3}`]),
    ];
    const pptx = await makePptx(slides, { notes: ["Mention the audit"] });
    const result = await extractPptx(await fixtures.write("deck.pptx", pptx), defaultExtractionLimits);
    expect(result.format).toBe("pptx");
    expect(result.pageCount).toBe(12);
    expect(segmentProblems(result.text, result.segments)).toEqual([]);
    const bySlide = result.segments.map((segment) => [
      segment.slide,
      result.text.slice(segment.start, segment.end),
    ]);
    expect(bySlide[0]).toEqual([1, "Quarterly review\nRevenue & costs\n\nNotes: Mention the audit"]);
    // Slide 2 has no text; slides 10-12 come after 9 (show order, not string order).
    expect(bySlide.slice(1).map(([slide]) => slide)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(bySlide.at(-1)).toEqual([12, "Slide 12"]);
  });

  it("reads tables as tab-separated rows and leaves out slide numbers and the fallback copy", () => {
    const xml = `<p:sld xmlns:a="a" xmlns:p="p" xmlns:mc="mc"><p:cSld><p:spTree>
      <p:sp><p:nvSpPr><p:nvPr><p:ph type="sldNum"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:fld><a:t>7</a:t></a:fld></a:p></p:txBody></p:sp>
      <p:sp><p:txBody><a:p><a:r><a:t>Line</a:t></a:r><a:br/><a:r><a:t>break</a:t></a:r></a:p></p:txBody></p:sp>
      <p:graphicFrame><a:graphic><a:graphicData><a:tbl>
        <a:tr><a:tc><a:txBody><a:p><a:r><a:t>Key</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:p><a:r><a:t>Value</a:t></a:r></a:p></a:txBody></a:tc></a:tr>
      </a:tbl></a:graphicData></a:graphic></p:graphicFrame>
      <mc:AlternateContent><mc:Choice><p:sp><p:txBody><a:p><a:r><a:t>Chosen</a:t></a:r></a:p></p:txBody></p:sp></mc:Choice>
      <mc:Fallback><p:sp><p:txBody><a:p><a:r><a:t>Chosen</a:t></a:r></a:p></p:txBody></p:sp></mc:Fallback></mc:AlternateContent>
    </p:spTree></p:cSld></p:sld>`;
    expect(slideLines(xml)).toEqual(["Line\nbreak", "Key\tValue", "Chosen"]);
  });

  it("refuses a zip bomb", async () => {
    const path = await fixtures.write("bomb.pptx", makeDocxZipBomb());
    await expect(extractPptx(path, defaultExtractionLimits)).rejects.toMatchObject({ reason: "too_large" });
  });
});
